package io.moonkey.server.scripting;

/**
 * The error reply of a script or function that raised an uncaught error (scripting.md §7):
 * {@code <err> script: <name>, on <source>:<line>.} with every CR and LF replaced by a space,
 * since a line break would end the RESP error line early.
 */
public final class ScriptErrorReply {
    private ScriptErrorReply() {}

    /**
     * @param err    the error text with its code word ({@code ERR user_script:1: boom})
     * @param name   the script's SHA1 for EVAL, the function name for FCALL
     * @param source the raw source of the raising frame ({@code @user_script}), or null
     * @param line   the raising frame's current line (-1 for a builtin)
     */
    public static String format(String err, String name, String source, int line) {
        String text = source == null ? err : err + " script: " + name + ", on " + source + ":" + line + ".";
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
