package io.moonkey.server.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The AOF manifest: which base and incremental files make up the AOF, in order. One line per
 * file, {@code file <name> seq <n> type <b|h|i>}, as Valkey 7 writes it; history files (h) are
 * not loaded.
 */
final class Manifest {
    record Entry(String file, long seq, char type) {}

    final List<Entry> entries = new ArrayList<>();

    static Manifest read(Path path) throws IOException {
        Manifest m = new Manifest();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+");
            String file = null;
            long seq = 0;
            char type = 0;
            for (int i = 0; i + 1 < f.length; i += 2) {
                switch (f[i]) {
                    case "file" -> file = f[i + 1];
                    case "seq" -> seq = Long.parseLong(f[i + 1]);
                    case "type" -> type = f[i + 1].charAt(0);
                    default -> { }
                }
            }
            if (file == null || type == 0) throw new IOException("Invalid AOF manifest line: " + line);
            m.entries.add(new Entry(file, seq, type));
        }
        return m;
    }

    /** Writes the manifest atomically (a temporary file renamed over the old one). */
    void write(Path path) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) b.append("file ").append(e.file).append(" seq ").append(e.seq).append(" type ").append(e.type).append('\n');
        Path tmp = path.resolveSibling("temp-" + path.getFileName());
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Entry base() {
        for (Entry e : entries) if (e.type == 'b') return e;
        return null;
    }

    List<Entry> increments() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) if (e.type == 'i') out.add(e);
        return out;
    }
}
