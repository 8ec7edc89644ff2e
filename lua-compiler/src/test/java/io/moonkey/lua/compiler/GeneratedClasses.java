package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Chunk;
import java.nio.charset.StandardCharsets;

/** The class files a chunk compiles to, as one searchable text (constant-pool names are ASCII). */
final class GeneratedClasses {
    private GeneratedClasses() {}

    static String of(Chunk chunk, boolean debug) {
        StringBuilder sb = new StringBuilder();
        for (byte[] b : ChunkCompiler.classFiles(chunk, debug).values()) {
            sb.append(new String(b, StandardCharsets.ISO_8859_1));
        }
        return sb.toString();
    }
}
