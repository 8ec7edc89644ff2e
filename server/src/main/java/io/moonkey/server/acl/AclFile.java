package io.moonkey.server.acl;

import io.moonkey.server.resp.InlineSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aclfile: one {@code user <name> <rules...>} line per user, as ACL LIST prints them. Loading
 * is all or nothing: every error of the file is collected, in Valkey's texts, and nothing changes
 * unless there is none. Blank lines are skipped; there are no comments (Valkey has none either).
 */
final class AclFile {
    private AclFile() {}

    /** Parses the file into new users by name; throws with all the errors found. */
    static Map<String, User> read(Path path, Acl acl) throws AclException {
        List<String> lines;
        try {
            lines = Arrays.asList(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).split("\n", -1));
        } catch (IOException e) {
            throw new AclException("ERR Error loading ACLs, opening file '" + path + "': " + e.getMessage());
        }
        String file = path.toString();
        Map<String, User> users = new LinkedHashMap<>();
        StringBuilder errors = new StringBuilder();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty()) continue;
            byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
            byte[][] words = InlineSplitter.split(b, 0, b.length);
            if (words == null) {
                errors.append(file).append(':').append(n).append(": unbalanced quotes in acl line. ");
                continue;
            }
            if (words.length < 2 || !Acl.latin1(words[0]).equals("user")) {
                errors.append(file).append(':').append(n).append(" should start with user keyword followed by the username. ");
                continue;
            }
            String name = Acl.latin1(words[1]);
            if (users.containsKey(name)) {
                errors.append("WARNING: Duplicate user '").append(name).append("' found on line ").append(n).append(". ");
                continue;
            }
            List<String> args = new ArrayList<>();
            for (int i = 2; i < words.length; i++) args.add(Acl.latin1(words[i]));
            List<String> rules;
            try {
                rules = Acl.joinSelectors(args);
            } catch (AclException e) {
                errors.append(file).append(':').append(n).append(": Unmatched parenthesis in selector definition.");
                continue;
            }
            User u = acl.newUser(name);
            boolean ok = true;
            for (String r : rules) {
                try {
                    u.apply(r);
                } catch (AclRuleException e) {
                    errors.append(file).append(':').append(n).append(": Error in applying operation '").append(r)
                            .append("': ").append(e.getMessage()).append(". ");
                    ok = false;
                    break;
                }
            }
            if (ok) users.put(name, u);
        }
        if (!errors.isEmpty()) {
            throw new AclException("ERR " + errors
                    + "WARNING: ACL errors detected, no change to the previously active ACL rules was performed");
        }
        return users;
    }

    /** Writes every user's line to a temporary file, then renames it over the aclfile. */
    static void write(Path path, Iterable<User> users) throws IOException {
        StringBuilder b = new StringBuilder();
        for (User u : users) b.append("user ").append(u.name()).append(' ').append(u.describe()).append('\n');
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.write(tmp, b.toString().getBytes(StandardCharsets.ISO_8859_1));
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
