package io.moonkey.server.acl;

/** A key pattern of a selector with the permissions it grants: {@link #READ}, {@link #WRITE} or both. */
record KeyPattern(byte[] pattern, int flags) {
    static final int READ = 1, WRITE = 2, ALL = READ | WRITE;

    /** The rule that recreates it: {@code ~p}, {@code %R~p} or {@code %W~p}. */
    String describe() {
        String p = new String(pattern, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (flags) {
            case READ -> "%R~" + p;
            case WRITE -> "%W~" + p;
            default -> "~" + p;
        };
    }
}
