package io.moonkey.benchmarks.lua;

import io.moonkey.lua.compiler.ChunkCompiler;
import io.moonkey.lua.parser.LuaParser;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Steady-state timing of the benchmark programs: each program runs {@code runs} times in one
 * JVM (fresh Lua state per run, chunk compiled once), and the best of the last half is reported
 * next to the first run, with the best CPU time of the running thread over the same runs.
 * Usage: {@code SteadyState DIR RUNS [name ...]}.
 */
public final class SteadyState {
    private SteadyState() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            names.add(args[i]);
        }
        if (names.isEmpty()) {
            try (var s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lua"))
                        .map(n -> n.substring(0, n.length() - 4)).sorted().forEach(names::add);
            }
        }
        Thread t = new Thread(null, () -> {
            try {
                for (String name : names) {
                    run(dir, name, runs);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "lua", 1L << 30);
        t.start();
        t.join();
    }

    private static void run(Path dir, String name, int runs) throws Exception {
        byte[] src = Files.readAllBytes(dir.resolve(name + ".lua"));
        // Compiled once, instantiated per run: how the server reuses a cached script.
        ChunkCompiler.Prototype proto = ChunkCompiler.compile(
                LuaParser.parse(src, "@" + name + ".lua", LuaParser.Options.FILE));
        double first = 0;
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        String line = "";
        for (int i = 0; i < runs; i++) {
            LuaState lua = LuaState.create();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lua.stdout = new PrintStream(out);
            LuaTable arg = new LuaTable();
            arg.put(0, LuaString.latin1(name + ".lua"));
            lua.setGlobal("arg", arg);
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            LuaFunction f = proto.instantiate(lua.globals);
            lua.call(f);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            if (i == 0) {
                first = s;
            }
            if (i >= runs / 2) {
                best = Math.min(best, s);
                bestCpu = Math.min(bestCpu, cpu);
            }
            line = out.toString().trim();
        }
        // The thread's CPU time as well: on a loaded machine it varies far less than wall time.
        System.out.printf("%-16s first %7.3f s  steady %7.3f s  cpu %7.3f s  %s%n", name, first, best, bestCpu, line);
    }
}
