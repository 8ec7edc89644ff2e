package io.moonkey.lua.compiler;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs PUC Lua 5.1 ({@code lua5.1}) as the reference for differential tests. */
final class ReferenceLua {
    static final String MISSING = "install lua5.1 (Debian package lua5.1) to run the differential tests";
    private static Boolean available;

    private ReferenceLua() {}

    static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("lua5.1", "-v").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        return available;
    }

    /** What a run printed: stdout, and the first stderr line ("lua: ..." on error) or "". */
    record Outcome(String stdout, String error) {
        /** Addresses of tables and functions differ between implementations. */
        Outcome normalized() {
            return new Outcome(stdout.replaceAll("0x[0-9a-f]+", "0xADDR").replaceAll("builtin: [a-z_]+", "0xADDR"),
                    error.replaceAll("0x[0-9a-f]+", "0xADDR"));
        }
    }

    static Outcome runFile(Path dir, String file, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("lua5.1", file));
        cmd.addAll(args);
        return run(dir, cmd, null);
    }

    static Outcome runSource(Path dir, byte[] source) throws IOException, InterruptedException {
        return run(dir, List.of("lua5.1", "-"), source);
    }

    private static Outcome run(Path dir, List<String> cmd, byte[] stdin) throws IOException, InterruptedException {
        File err = File.createTempFile("lua51", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("lua5.1 timed out on " + cmd);
            }
            String e = new String(java.nio.file.Files.readAllBytes(err.toPath()), StandardCharsets.ISO_8859_1);
            int nl = e.indexOf('\n');
            String line = nl < 0 ? e : e.substring(0, nl);
            if (line.startsWith("lua5.1:")) {
                line = "lua:" + line.substring("lua5.1:".length());
            }
            return new Outcome(new String(out, StandardCharsets.ISO_8859_1), line);
        } finally {
            err.delete();
        }
    }
}
