package io.moonkey.lua.parser;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.parser.grammar.Lua51;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses Lua 5.1 source into an AST: the entry point of the front end.
 *
 * <pre>{@code
 * Chunk chunk = LuaParser.parse(bytes, "@user_script");
 * }</pre>
 *
 * Parsing first runs ANTLR's faster SLL prediction; only a chunk that fails is parsed again
 * with full LL prediction, which decides whether the error is real and words it.
 */
public final class LuaParser {

    /**
     * How a chunk is loaded.
     *
     * @param skipHashLine whether a first line starting with {@code #} is skipped (files, as
     *                     {@code luaL_loadfile} does; its line break is kept so lines still count)
     * @param levelBase    the C call depth PUC's parser starts at, which shifts where "chunk has
     *                     too many syntax levels" triggers: 1 for files and scripts loaded from
     *                     C, 2 for {@code loadstring} called from Lua
     */
    public record Options(boolean skipHashLine, int levelBase) {
        /** A script or a string chunk loaded from the host. */
        public static final Options STRING = new Options(false, 1);
        /** A file, as {@code lua5.1 file.lua} loads it. */
        public static final Options FILE = new Options(true, 1);
        /** A chunk given to {@code loadstring} by Lua code. */
        public static final Options LOADSTRING = new Options(false, 2);
    }

    private LuaParser() {}

    /** Parses {@code source} as a string chunk named {@code chunkName} (e.g. {@code @user_script}). */
    public static Chunk parse(byte[] source, String chunkName) {
        return parse(source, chunkName, Options.STRING);
    }

    /**
     * @throws LuaSyntaxError with PUC Lua's message when the chunk does not parse
     */
    public static Chunk parse(byte[] source, String chunkName, Options options) {
        String chunkId = ChunkId.of(chunkName);
        int start = options.skipHashLine() ? afterHashLine(source) : 0;
        Lua51.ChunkContext tree;
        try {
            tree = newParser(source, start, chunkId, options, PredictionMode.SLL).chunk();
        } catch (LuaSyntaxError sllFailure) {
            tree = newParser(source, start, chunkId, options, PredictionMode.LL).chunk();
        }
        return new AstBuilder(chunkName).chunk(tree);
    }

    private static Lua51 newParser(byte[] source, int start, String chunkId, Options options, PredictionMode mode) {
        Lua51 parser = new Lua51(new CommonTokenStream(new LuaLexer(source, start, chunkId)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new LuaErrorStrategy(chunkId));
        parser.setInterpreter(new SuffixPrediction(parser, parser.getInterpreter()));
        parser.getInterpreter().setPredictionMode(mode);
        parser.setBuildParseTree(true);
        ((GrammarChecks) parser).configure(chunkId, options.levelBase());
        return parser;
    }

    /** Where lexing starts when a {@code #} first line is skipped: at its line break. */
    private static int afterHashLine(byte[] source) {
        if (source.length == 0 || source[0] != '#') {
            return 0;
        }
        int i = 0;
        while (i < source.length && source[i] != '\n') {
            i++;
        }
        return i;
    }
}
