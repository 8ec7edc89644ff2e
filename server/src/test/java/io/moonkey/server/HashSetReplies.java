package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reply comparison for the hash and set differential tests: RESP replies parsed into trees, so
 * that replies whose order follows a hash table can be compared sorted, replies of random
 * commands by shape and membership, and scans of hash tables by what a whole iteration returns.
 */
final class HashSetReplies {
    private HashSetReplies() {}

    /** One RESP value: its type byte, its text (line or bulk content), its elements. */
    record Node(char type, String text, List<Node> children) {
        String raw() {
            StringBuilder b = new StringBuilder();
            write(b);
            return b.toString();
        }

        private void write(StringBuilder b) {
            switch (type) {
                case '$', '=', '!' -> {
                    if (text == null) b.append(type).append("-1\r\n");
                    else b.append(type).append(text.length()).append("\r\n").append(text).append("\r\n");
                }
                case '*', '~', '>', '%', '|' -> {
                    if (children == null) {
                        b.append(type).append("-1\r\n");
                        return;
                    }
                    int n = type == '%' || type == '|' ? children.size() / 2 : children.size();
                    b.append(type).append(n).append("\r\n");
                    for (Node c : children) c.write(b);
                }
                default -> b.append(type).append(text).append("\r\n");
            }
        }

        boolean isAggregate() {
            return "*~>%|".indexOf(type) >= 0 && children != null;
        }
    }

    static Node parse(String raw) {
        int[] pos = {0};
        Node n = parse(raw, pos);
        assertEquals(raw.length(), pos[0], "one reply");
        return n;
    }

    private static Node parse(String s, int[] pos) {
        int eol = s.indexOf("\r\n", pos[0]);
        char t = s.charAt(pos[0]);
        String line = s.substring(pos[0] + 1, eol);
        pos[0] = eol + 2;
        switch (t) {
            case '$', '=', '!' -> {
                int n = Integer.parseInt(line);
                if (n < 0) return new Node(t, null, null);
                String text = s.substring(pos[0], pos[0] + n);
                pos[0] += n + 2;
                return new Node(t, text, null);
            }
            case '*', '~', '>', '%', '|' -> {
                int n = Integer.parseInt(line);
                if (n < 0) return new Node(t, null, null);
                if (t == '%' || t == '|') n *= 2;
                List<Node> c = new ArrayList<>(n);
                for (int i = 0; i < n; i++) c.add(parse(s, pos));
                return new Node(t, null, c);
            }
            default -> {
                return new Node(t, line, null);
            }
        }
    }

    /** The reply with its top-level elements sorted, in groups of {@code group} (2 for field/value pairs). */
    static String sorted(String raw, int group) {
        Node n = parse(raw);
        if (!n.isAggregate()) return raw;
        List<String> items = new ArrayList<>();
        List<Node> c = n.children();
        for (int i = 0; i < c.size(); i += group) {
            StringBuilder b = new StringBuilder();
            for (int j = i; j < i + group && j < c.size(); j++) b.append(c.get(j).raw());
            items.add(b.toString());
        }
        items.sort(null);
        StringBuilder b = new StringBuilder();
        b.append(n.type()).append(n.type() == '%' ? c.size() / 2 : c.size()).append("\r\n");
        for (String s : items) b.append(s);
        return b.toString();
    }

    /**
     * The reply with the elements of every nested aggregate sorted (map entries as units): for
     * EXEC, whose results may include hash-table orders.
     */
    static String deepSorted(String raw) {
        return deepSorted(parse(raw));
    }

    private static String deepSorted(Node n) {
        if (!n.isAggregate()) return n.raw();
        boolean map = n.type() == '%' || n.type() == '|';
        List<String> items = new ArrayList<>();
        List<Node> c = n.children();
        for (int i = 0; i < c.size(); i += map ? 2 : 1) items.add(deepSorted(c.get(i)) + (map ? deepSorted(c.get(i + 1)) : ""));
        items.sort(null);
        StringBuilder b = new StringBuilder().append(n.type()).append(items.size()).append("\r\n");
        for (String s : items) b.append(s);
        return b.toString();
    }

    /** Field/value or member strings of a dump reply (HGETALL or SMEMBERS, any protocol). */
    static List<String> texts(String raw) {
        Node n = parse(raw);
        List<String> out = new ArrayList<>();
        if (n.isAggregate()) for (Node c : n.children()) out.add(c.text());
        return out;
    }

    /**
     * Checks the reply of HRANDFIELD, SRANDMEMBER or SPOP from our server against the
     * reference's: same shape and size, every element from {@code content} (members, or
     * field/value pairs when {@code pairs}), distinct when the command promises it.
     */
    static void assertRandomReply(List<String> cmd, List<String> content, boolean pairs, String expected, String actual, String context) {
        Node e = parse(expected), a = parse(actual);
        if (!e.isAggregate() && e.type() != '$') {
            assertEquals(expected, actual, context);
            return;
        }
        assertEquals(e.type(), a.type(), context + " reply type; expected " + expected + " got " + actual);
        if (e.type() == '$') {
            assertEquals(e.text() == null, a.text() == null, context);
            if (a.text() != null) assertTrue(members(content, pairs).contains(a.text()), context + " " + a.text() + " not in " + content);
            return;
        }
        assertEquals(e.children().size(), a.children().size(), context + " count; expected " + expected + " got " + actual);
        boolean withValues = cmd.size() == 4;
        boolean distinct = cmd.get(0).equalsIgnoreCase("SPOP") || (cmd.size() >= 3 && !cmd.get(2).startsWith("-"));
        Set<String> seen = new HashSet<>();
        List<Node> c = a.children();
        for (int i = 0; i < c.size(); i++) {
            Node n = c.get(i);
            String item;
            if (withValues && n.isAggregate()) {
                assertEquals(2, n.children().size(), context);
                assertEquals('*', e.children().get(i).type(), context);
                item = n.children().get(0).text() + "\u0000" + n.children().get(1).text();
            } else if (withValues) {
                item = n.text() + "\u0000" + c.get(++i).text();
            } else {
                item = n.text();
            }
            Set<String> allowed = withValues ? pairStrings(content) : members(content, pairs);
            assertTrue(allowed.contains(item), context + " " + item + " not in " + content);
            if (distinct) assertTrue(seen.add(item), context + " repeated " + item);
        }
    }

    private static Set<String> members(List<String> content, boolean pairs) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < content.size(); i += pairs ? 2 : 1) s.add(content.get(i));
        return s;
    }

    private static Set<String> pairStrings(List<String> content) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i + 1 < content.size(); i += 2) s.add(content.get(i) + "\u0000" + content.get(i + 1));
        return s;
    }

    /**
     * Runs a whole HSCAN/SSCAN iteration ({@code cmd} with its cursor replaced at each step) and
     * returns the sorted distinct elements (field/value pairs joined for HSCAN), or the error.
     */
    static String fullScan(RespConnection c, List<String> cmd) throws Exception {
        boolean hash = cmd.get(0).equalsIgnoreCase("HSCAN");
        Set<String> items = new java.util.TreeSet<>();
        String cursor = "0";
        for (int steps = 0; steps < 10_000; steps++) {
            List<String> a = new ArrayList<>(cmd);
            a.set(2, cursor);
            String raw = c.call(a.toArray(new String[0]));
            Node n = parse(raw);
            if (!n.isAggregate()) return raw;
            cursor = n.children().get(0).text();
            List<Node> el = n.children().get(1).children();
            for (int i = 0; i < el.size(); i += hash ? 2 : 1) {
                items.add(hash ? el.get(i).text() + "=" + el.get(i + 1).text() : el.get(i).text());
            }
            if (cursor.equals("0")) return items.toString();
        }
        throw new AssertionError("scan did not finish: " + cmd);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
