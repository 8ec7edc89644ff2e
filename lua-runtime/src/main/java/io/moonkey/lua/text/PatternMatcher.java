package io.moonkey.lua.text;

import java.util.Arrays;

/**
 * Lua 5.1 pattern matching (Lua 5.1 manual §5.4.1; lstrlib.c {@code match}) over a byte
 * subject and a byte pattern, plus the search loops of {@code string.find}, {@code string.match},
 * {@code string.gmatch} and {@code string.gsub}.
 *
 * <p>The matcher is the same backtracking search as PUC Lua's recursive {@code match}, run on an
 * explicit stack of choice points and undo records instead of the Java stack, so patterns of any
 * length work (lua5.1 itself handles 50000 nested optional items on its C stack). The pattern
 * ends at its first NUL byte (5.1 treats it as a C string); the subject may contain NULs, and
 * reading "one past the end" yields 0 as the C code's terminator does.
 *
 * <p>An instance is a reusable match state: {@link #reset} binds subject and pattern; after a
 * successful search the match and captures are available as offsets relative to the subject's
 * start without allocating strings. Errors throw {@link LuaTextException} with lua5.1's message.
 * Long searches call the optional {@link Poll} every {@value #POLL_INTERVAL} steps so a runaway
 * script can be stopped by throwing from it.
 *
 * <p>Not re-entrant: a gsub {@link Replacement} that runs Lua code may call the string library
 * again, which must then use another instance (one per library call is simplest; the state is a
 * few small arrays).
 */
public final class PatternMatcher {
    /** Invoked periodically during matching; may throw to abort the search. */
    @FunctionalInterface
    public interface Poll {
        void poll();
    }

    /** What {@code gsub} does with each match; see {@link #appendExpansion} for string replacements. */
    @FunctionalInterface
    public interface Replacement {
        void append(PatternMatcher match, ByteBuilder out);
    }

    public static final int MAX_CAPTURES = 32; // LUA_MAXCAPTURES
    static final int POLL_INTERVAL = 4096;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final byte[] SPECIALS = "^$*+?.([%-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    // backtrack record kinds; each record is 4 ints: kind, a, b, c
    private static final int QUEST = 1;      // a = s, b = p to resume at
    private static final int MAX_EXPAND = 2; // a = s, b = ep, c = count still to try
    private static final int MIN_EXPAND = 3; // a = s, b = p, c = ep
    private static final int UNDO_OPEN = 4;  // a capture was opened: level--
    private static final int UNDO_CLOSE = 5; // a = capture index to mark unfinished again

    private byte[] src;
    private int srcInit;
    private int srcEnd;
    private byte[] pat;
    private int patStart;
    private int patEnd;
    private int patFullEnd;
    private Poll poll;
    private int steps;

    private int level;
    private final int[] capInit = new int[MAX_CAPTURES];
    private final int[] capLen = new int[MAX_CAPTURES];
    private int[] stack = new int[64];
    private int sp;

    private int matchStart;
    private int matchEnd;

    /** The items of the bound pattern, and those of the last few patterns this matcher saw. */
    private PatternItems items;
    private PatternItems[] recent;
    private int recentNext;

    /**
     * Binds a subject {@code subject[sOff, sOff+sLen)} and a pattern {@code pattern[pOff, pOff+pLen)}
     * (the pattern is cut at its first NUL, as in lua5.1); {@code poll} may be null.
     */
    public PatternMatcher reset(byte[] subject, int sOff, int sLen, byte[] pattern, int pOff, int pLen, Poll poll) {
        this.src = subject;
        this.srcInit = sOff;
        this.srcEnd = sOff + sLen;
        this.pat = pattern;
        this.patStart = pOff;
        int e = pOff;
        int limit = pOff + pLen;
        while (e < limit && pattern[e] != 0) {
            e++;
        }
        this.patEnd = e;
        this.patFullEnd = limit;
        this.poll = poll;
        this.level = 0;
        this.items = itemsOf(pattern, pOff, e);
        return this;
    }

    private PatternItems itemsOf(byte[] pattern, int start, int end) {
        PatternItems last = items;
        if (last == null) {
            return new PatternItems(pattern, start, end);
        }
        if (last.describes(pattern, start, end)) {
            return last;
        }
        // a second pattern: from now on remember a few (gmatch iterators see only one)
        if (recent == null) {
            recent = new PatternItems[16];
            recent[0] = last;
            recentNext = 1;
        }
        for (PatternItems known : recent) {
            if (known != null && known.describes(pattern, start, end)) {
                return known;
            }
        }
        PatternItems fresh = new PatternItems(pattern, start, end);
        recent[recentNext] = fresh;
        recentNext = (recentNext + 1) & (recent.length - 1);
        return fresh;
    }

    /** Binds subject and pattern as {@link #reset(byte[], int, int, byte[], int, int, Poll)}, keeping the poll. */
    public PatternMatcher reset(byte[] subject, int sOff, int sLen, byte[] pattern, int pOff, int pLen) {
        return reset(subject, sOff, sLen, pattern, pOff, pLen, poll);
    }

    /** Largest scratch buffer kept between calls: a huge result should not stay reachable. */
    private static final int MAX_KEPT_SCRATCH = 1 << 16;
    private ByteBuilder scratch;

    /**
     * An empty buffer for a {@link #gsub} result, reused with this matcher; valid until the next
     * call, so the caller copies the result out.
     */
    public ByteBuilder scratchOutput() {
        ByteBuilder b = scratch;
        if (b == null) {
            b = new ByteBuilder(256);
            scratch = b;
        }
        b.clear();
        return b;
    }

    /** Lets go of a scratch buffer grown large, once its content has been copied out. */
    public void trimScratch() {
        if (scratch != null && scratch.array().length > MAX_KEPT_SCRATCH) {
            scratch = null;
        }
    }

    /** Sets the poll that later {@link #reset} calls without one keep. */
    public PatternMatcher pollWith(Poll poll) {
        this.poll = poll;
        return this;
    }

    public PatternMatcher reset(byte[] subject, byte[] pattern) {
        return reset(subject, 0, subject.length, pattern, 0, pattern.length, null);
    }

    // ---------------------------------------------------------------- search loops

    /** lstrlib.c posrelat + clamping of str_find_aux: a 1-based Lua init to a 0-based start. */
    private int initialOffset(long init) {
        int len = srcEnd - srcInit;
        if (init < 0) {
            init += len + 1;
        }
        long start = (init >= 0 ? init : 0) - 1;
        if (start < 0) {
            start = 0;
        } else if (start > len) {
            start = len;
        }
        return (int) start;
    }

    /**
     * {@code string.find(s, p, init, plain)}: a plain substring search when {@code plain} or when
     * the pattern (up to its first NUL) has none of {@code ^$*+?.([%-} — in which case lua5.1
     * searches for the whole pattern including any NUL and what follows it; otherwise a pattern
     * search, anchored by a leading '^'. {@code init} is Lua's integer argument (default 1).
     *
     * @return whether found; then {@link #matchStart()}, {@link #matchEnd()} and captures are set
     */
    public boolean find(long init, boolean plain) {
        int start = initialOffset(init);
        if (plain || !hasSpecials()) {
            int fullPatternLength = patFullEnd - patStart;
            int at = plainSearch(srcInit + start, pat, patStart, fullPatternLength);
            if (at < 0) {
                return false;
            }
            level = 0;
            matchStart = at;
            matchEnd = at + fullPatternLength;
            return true;
        }
        return search(start);
    }

    /** {@code string.match(s, p, init)}: a pattern search (never plain), anchored by a leading '^'. */
    public boolean match(long init) {
        return search(initialOffset(init));
    }

    private boolean search(int start) {
        int p = patStart;
        boolean anchor = p < patEnd && pat[p] == '^';
        if (anchor) {
            p++;
        }
        int s = srcInit + start;
        int first = UNKNOWN;
        skipItem = -1;
        do {
            if (first > 0 && !canStart(s, first)) {
                s++;
                continue;
            }
            level = 0;
            firstRunEnd = -1;
            int e = run(s, p);
            if (e >= 0) {
                matchStart = s;
                matchEnd = e;
                return true;
            }
            if (first == UNKNOWN) {
                first = firstItemEnd(p); // after one attempt, so a malformed pattern has already raised
                skipItem = skippableFirstItem(p);
            }
            s = nextStart(s);
        } while (s <= srcEnd && !anchor);
        return false;
    }

    /**
     * The pattern position of a first consuming item quantified by '*' or '+' (after leading
     * captures only) when the pattern has no back-reference; -1 otherwise. For such a pattern a
     * failed attempt at s tried the rest of the pattern at every end of the item's run, and an
     * attempt starting inside that run can only try a subset of those ends (the rest of the match
     * depends on where it resumes, not on where it began), so the search may resume at the run's end.
     */
    private int skippableFirstItem(int p) {
        while (p < patEnd && pat[p] == '(') {
            p += p + 1 < patEnd && pat[p + 1] == ')' ? 2 : 1;
        }
        if (p >= patEnd) return -1;
        int c = pat[p] & 0xFF;
        if (c == ')' || c == '$') return -1;
        if (c == '%' && p + 1 < patEnd) {
            int k = pat[p + 1] & 0xFF;
            if (k == 'b' || k == 'f' || (k >= '0' && k <= '9')) return -1;
        }
        int q = patByte(classEnd(p));
        if (q != '*' && q != '+') return -1;
        for (int i = patStart; i + 1 < patEnd; i++) {
            if (pat[i] == '%') {
                if (CharClass.isDigit(pat[i + 1] & 0xFF)) return -1;
                i++;
            }
        }
        return p;
    }

    /** Where to try next after a failed attempt at {@code s}: past the first item's run when allowed. */
    private int nextStart(int s) {
        return skipItem >= 0 && firstRunEnd > s + 1 ? firstRunEnd : s + 1;
    }

    /** The skippable first item of the bound pattern ({@link #skippableFirstItem}), -1 if none or unknown yet. */
    private int skipItem = -1;
    /** Where the run of {@link #skipItem} ended in the last attempt, -1 if the attempt did not reach it. */
    private int firstRunEnd = -1;

    private static final int UNKNOWN = -2;

    /**
     * Where the pattern's first consuming item ends when it must match one subject byte (a
     * character, a class, a set or '.', with no quantifier allowing zero), looking past leading
     * captures '(' and '()', which consume nothing; -1 when there is no such item (anchors, %b,
     * %f, back-references, optional items). The item's start is left in {@link #firstStart}.
     */
    private int firstItemEnd(int p) {
        while (p < patEnd && pat[p] == '(') {
            p += p + 1 < patEnd && pat[p + 1] == ')' ? 2 : 1;
        }
        firstStart = p;
        if (p >= patEnd) {
            return -1;
        }
        int c = pat[p] & 0xFF;
        if (c == '(' || c == ')' || c == '$') {
            return -1;
        }
        if (c == '%' && p + 1 < patEnd) {
            int k = pat[p + 1] & 0xFF;
            if (k == 'b' || k == 'f' || (k >= '0' && k <= '9')) {
                return -1;
            }
        }
        int ep = classEnd(p);
        int q = patByte(ep);
        return q == '*' || q == '?' || q == '-' ? -1 : ep;
    }

    private int firstStart;

    /** Whether a match could start at {@code s}: the first item, of end {@code ep}, matches there. */
    private boolean canStart(int s, int ep) {
        return s < srcEnd && items.matches(firstStart, src[s] & 0xFF);
    }

    private boolean hasSpecials() {
        for (int i = patStart; i < patEnd; i++) {
            for (byte sp : SPECIALS) {
                if (pat[i] == sp) {
                    return true;
                }
            }
        }
        return false;
    }

    /** lmemfind: first occurrence of {@code needle[nOff, nOff+nLen)} at or after {@code from}; absolute index or -1. */
    private int plainSearch(int from, byte[] needle, int nOff, int nLen) {
        if (nLen == 0) {
            return from;
        }
        int last = srcEnd - nLen;
        byte first = needle[nOff];
        outer:
        for (int i = from; i <= last; i++) {
            if (src[i] != first) {
                continue;
            }
            for (int k = 1; k < nLen; k++) {
                if (src[i + k] != needle[nOff + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * One step of {@code string.gmatch} (lstrlib.c gmatch_aux): searches from the 0-based
     * {@code start} (initially 0) without anchoring — in 5.1 a leading '^' is an ordinary
     * character here. Returns the next start to store in the iterator, or -1 when no match is
     * left; on success the match and captures are set.
     */
    public int gmatch(int start) {
        int first = UNKNOWN;
        skipItem = -1;
        for (int s = srcInit + start; s <= srcEnd; ) {
            if (first > 0 && !canStart(s, first)) {
                s++;
                continue;
            }
            level = 0;
            firstRunEnd = -1;
            int e = run(s, patStart);
            if (e < 0 && first == UNKNOWN) {
                first = firstItemEnd(patStart);
                skipItem = skippableFirstItem(patStart);
            }
            if (e >= 0) {
                matchStart = s;
                matchEnd = e;
                int next = e - srcInit;
                return e == s ? next + 1 : next;
            }
            s = nextStart(s);
        }
        return -1;
    }

    /**
     * {@code string.gsub} (lstrlib.c str_gsub): replaces up to {@code maxN} matches (Lua's
     * {@code luaL_optint} of argument 4, default subject length + 1; zero or negative replaces
     * nothing), appending the result to {@code out}; a leading '^' anchors. After each match the
     * {@code replacement} appends its text (for a table or function it should append the match,
     * {@code [matchStart, matchEnd)}, when the Lua value is nil or false). Returns the count.
     */
    public int gsub(ByteBuilder out, long maxN, Replacement replacement) {
        int p = patStart;
        boolean anchor = p < patEnd && pat[p] == '^';
        if (anchor) {
            p++;
        }
        int s = srcInit;
        // Subject bytes before `copied` are in out; unmatched bytes are copied in one piece
        // when the next match (or the end) comes, so a subject without matches appends nothing
        // until the end.
        int copied = srcInit;
        int n = 0;
        int first = UNKNOWN;
        skipItem = -1;
        while (n < maxN) {
            if (first > 0 && !anchor && !canStart(s, first)) {
                if (s >= srcEnd) {
                    break;
                }
                // no match can start here: skip to the next possible start, as failed attempts
                // would one by one
                int t = s + 1;
                while (t < srcEnd && !items.matches(firstStart, src[t] & 0xFF)) {
                    t++;
                }
                s = t;
                continue;
            }
            level = 0;
            firstRunEnd = -1;
            int e = run(s, p);
            if (e < 0 && first == UNKNOWN) {
                first = firstItemEnd(p);
                skipItem = skippableFirstItem(p);
            }
            if (e >= 0) {
                n++;
                matchStart = s;
                matchEnd = e;
                out.append(src, copied, s - copied);
                replacement.append(this, out);
                copied = e;
            }
            if (e >= 0 && e > s) {
                s = e;
            } else if (e < 0 && !anchor && nextStart(s) > s + 1) {
                s = nextStart(s); // no match starts inside the first item's run: skip it whole
            } else if (s < srcEnd) {
                s++; // after an empty match or a failed attempt the byte stays as it is
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        out.append(src, copied, srcEnd - copied);
        return n;
    }

    /**
     * The string-replacement expansion of gsub (lstrlib.c add_s): {@code %0} is the match,
     * {@code %1}..{@code %9} captures (a position capture as its number), {@code %} before any
     * other byte is that byte, and a final lone {@code %} appends a NUL byte (lua5.1 reads the
     * string's terminator).
     */
    public void appendExpansion(ByteBuilder out, byte[] repl, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = repl[i];
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            int d = i < end ? repl[i] : 0;
            if (!CharClass.isDigit(d)) {
                out.append((byte) d);
            } else if (d == '0') {
                out.append(src, matchStart, matchEnd - matchStart);
            } else {
                appendCapture(out, d - '1');
            }
        }
    }

    /** Appends capture {@code i} as lua5.1 would convert it to a string (positions as integers). */
    public void appendCapture(ByteBuilder out, int i) {
        if (isPositionCapture(i)) {
            out.appendLong(capturePosition(i));
        } else {
            int st = captureStart(i);
            out.append(src, srcInit + st, captureEnd(i) - st);
        }
    }

    /** A {@link Replacement} expanding {@code repl} as gsub does for a string (or number) argument. */
    public static Replacement stringReplacement(byte[] repl) {
        return (m, out) -> m.appendExpansion(out, repl, 0, repl.length);
    }

    // ---------------------------------------------------------------- results

    /** Start of the last match, 0-based relative to the subject's start. */
    public int matchStart() {
        return matchStart - srcInit;
    }

    /** End (exclusive) of the last match, 0-based relative to the subject's start. */
    public int matchEnd() {
        return matchEnd - srcInit;
    }

    /** Number of captures of the last match (0 if the pattern has none). */
    public int captureCount() {
        return level;
    }

    /**
     * How many values lua5.1 returns for a match (push_captures with a match): the captures, or
     * the whole match when there are none. For {@code find} use {@link #captureCount()}.
     */
    public int resultCount() {
        return level == 0 ? 1 : level;
    }

    /**
     * Validates capture {@code i} (0-based) as push_onecapture does: an index at or above the
     * capture count is the whole match if 0, else "invalid capture index"; an unclosed capture
     * is "unfinished capture". Returns whether it is a position capture {@code ()}.
     */
    public boolean isPositionCapture(int i) {
        if (i >= level) {
            if (i == 0) {
                return false;
            }
            throw new LuaTextException("invalid capture index");
        }
        if (capLen[i] == CAP_UNFINISHED) {
            throw new LuaTextException("unfinished capture");
        }
        return capLen[i] == CAP_POSITION;
    }

    /** The 1-based subject position of position capture {@code i}. */
    public int capturePosition(int i) {
        return capInit[i] - srcInit + 1;
    }

    /** Start of capture {@code i} (or of the whole match, see {@link #isPositionCapture}), subject-relative. */
    public int captureStart(int i) {
        isPositionCapture(i);
        return i >= level ? matchStart - srcInit : capInit[i] - srcInit;
    }

    /** End (exclusive) of capture {@code i}, subject-relative. */
    public int captureEnd(int i) {
        isPositionCapture(i);
        return i >= level ? matchEnd - srcInit : capInit[i] - srcInit + capLen[i];
    }

    /** Capture {@code i} copied out (for tests and convenience; positions are not strings). */
    public byte[] captureBytes(int i) {
        int st = captureStart(i);
        return Arrays.copyOfRange(src, srcInit + st, srcInit + captureEnd(i));
    }

    // ---------------------------------------------------------------- the matcher

    private void push(int kind, int a, int b, int c) {
        if (sp + 4 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[sp] = kind;
        stack[sp + 1] = a;
        stack[sp + 2] = b;
        stack[sp + 3] = c;
        sp += 4;
    }

    private int srcByte(int s) {
        return s < srcEnd ? src[s] & 0xFF : 0;
    }

    private int patByte(int p) {
        return p < patEnd ? pat[p] & 0xFF : 0;
    }

    /**
     * lstrlib.c {@code match}: tries to match the pattern from {@code p} at subject index
     * {@code s}; returns the end of the match or -1. Where the C code recurses and returns the
     * first success, this loop pushes the alternative (a choice point) and continues forward;
     * failure pops records, undoing capture changes, until a choice point yields a new state.
     */
    private int run(int s, int p) {
        sp = 0;
        while (true) {
            if (++steps >= POLL_INTERVAL) {
                steps = 0;
                if (poll != null) {
                    poll.poll();
                }
            }
            boolean fail = false;
            forward:
            {
                if (p >= patEnd) {
                    return s;
                }
                int pc = pat[p] & 0xFF;
                switch (pc) {
                    case '(' -> {
                        if (patByte(p + 1) == ')') {
                            openCapture(s, CAP_POSITION);
                            p += 2;
                        } else {
                            openCapture(s, CAP_UNFINISHED);
                            p += 1;
                        }
                        break forward;
                    }
                    case ')' -> {
                        int l = captureToClose();
                        capLen[l] = s - capInit[l];
                        push(UNDO_CLOSE, l, 0, 0);
                        p += 1;
                        break forward;
                    }
                    case '$' -> {
                        if (p + 1 == patEnd) {
                            if (s == srcEnd) {
                                return s;
                            }
                            fail = true;
                            break forward;
                        }
                    }
                    case '%' -> {
                        int next = patByte(p + 1);
                        if (next == 'b') {
                            int e = matchBalance(s, p + 2);
                            if (e < 0) {
                                fail = true;
                            } else {
                                s = e;
                                p += 4;
                            }
                            break forward;
                        }
                        if (next == 'f') {
                            p += 2;
                            if (patByte(p) != '[') {
                                throw new LuaTextException("missing '[' after '%f' in pattern");
                            }
                            int ep = classEnd(p);
                            int previous = s == srcInit ? 0 : src[s - 1] & 0xFF;
                            if (singleMatch(previous, p, ep) || !singleMatch(srcByte(s), p, ep)) {
                                fail = true;
                            } else {
                                p = ep;
                            }
                            break forward;
                        }
                        if (CharClass.isDigit(next)) {
                            int e = matchCapture(s, next);
                            if (e < 0) {
                                fail = true;
                            } else {
                                s = e;
                                p += 2;
                            }
                            break forward;
                        }
                    }
                    default -> {
                    }
                }
                // a single-character item, possibly followed by a quantifier
                int ep = classEnd(p);
                boolean m = s < srcEnd && singleMatch(src[s] & 0xFF, p, ep);
                switch (patByte(ep)) {
                    case '?' -> {
                        if (m) {
                            push(QUEST, s, ep + 1, 0);
                            s++;
                        }
                        p = ep + 1;
                    }
                    case '*', '+' -> {
                        if (!m && patByte(ep) == '+') {
                            fail = true;
                            break forward;
                        }
                        int from = patByte(ep) == '+' ? s + 1 : s;
                        int i = maxRun(from, p, ep);
                        if (p == skipItem) {
                            firstRunEnd = from + i;
                        }
                        // Nothing after the run, or only the end anchor: the longest run is the
                        // only candidate, so no choice point is needed (lstrlib's max_expand would
                        // try the shorter ones and fail).
                        if (ep + 1 == patEnd) {
                            return from + i;
                        }
                        if (ep + 2 == patEnd && pat[ep + 1] == '$') {
                            if (from + i == srcEnd) {
                                return srcEnd;
                            }
                            fail = true;
                            break forward;
                        }
                        push(MAX_EXPAND, from, ep, i);
                        s = from + i;
                        p = ep + 1;
                    }
                    case '-' -> {
                        push(MIN_EXPAND, s, p, ep);
                        p = ep + 1;
                    }
                    default -> {
                        if (!m) {
                            fail = true;
                        } else {
                            s++;
                            p = ep;
                        }
                    }
                }
            }
            if (!fail) {
                continue;
            }
            // backtrack to the most recent choice point that still has an alternative
            boolean resumed = false;
            while (!resumed) {
                if (sp == 0) {
                    return -1;
                }
                sp -= 4;
                int kind = stack[sp];
                int a = stack[sp + 1];
                int b = stack[sp + 2];
                int c = stack[sp + 3];
                switch (kind) {
                    case UNDO_OPEN -> level--;
                    case UNDO_CLOSE -> capLen[a] = CAP_UNFINISHED;
                    case QUEST -> {
                        s = a;
                        p = b;
                        resumed = true;
                    }
                    case MAX_EXPAND -> {
                        // When the rest starts with a literal that must match, a shorter run
                        // can only succeed where the subject has that byte: skip the others.
                        int lit = requiredLiteral(b + 1);
                        if (lit >= 0) {
                            while (c > 0 && (a + c - 1 >= srcEnd || (src[a + c - 1] & 0xFF) != lit)) {
                                c--;
                            }
                        }
                        if (c > 0) {
                            push(MAX_EXPAND, a, b, c - 1);
                            s = a + c - 1;
                            p = b + 1;
                            resumed = true;
                        }
                    }
                    default -> { // MIN_EXPAND: consume one more character if it matches
                        if (a < srcEnd && singleMatch(src[a] & 0xFF, b, c)) {
                            push(MIN_EXPAND, a + 1, b, c);
                            s = a + 1;
                            p = c + 1;
                            resumed = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * The byte the pattern item at {@code q} must match, when it is a plain character not
     * allowed to match zero times; -1 otherwise (specials, classes, sets, captures, the end).
     */
    private int requiredLiteral(int q) {
        if (q >= patEnd) {
            return -1;
        }
        int c = pat[q] & 0xFF;
        switch (c) {
            case '^', '$', '*', '+', '?', '.', '(', ')', '%', '[', ']', '-', 0 -> {
                return -1;
            }
            default -> {
                int next = q + 1 < patEnd ? pat[q + 1] & 0xFF : -1;
                return next == '*' || next == '?' || next == '-' ? -1 : c;
            }
        }
    }

    /** How many consecutive subject bytes from {@code s} match the single item {@code [p, ep)}. */
    private int maxRun(int s, int p, int ep) {
        int end = srcEnd;
        if (pat[p] == '.') return end - s;
        PatternItems it = items;
        byte[] subject = src;
        int i = s;
        while (i < end && it.matches(p, subject[i] & 0xFF)) i++;
        return i - s;
    }

    private void openCapture(int s, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaTextException("too many captures");
        }
        capInit[level] = s;
        capLen[level] = what;
        level++;
        push(UNDO_OPEN, 0, 0, 0);
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (capLen[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw new LuaTextException("invalid pattern capture");
    }

    /** A back-reference {@code %1}..{@code %9}: lstrlib.c check_capture + match_capture. */
    private int matchCapture(int s, int digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) {
            throw new LuaTextException("invalid capture index");
        }
        int len = capLen[l];
        if (len < 0) {
            return -1; // a position capture: (size_t)CAP_POSITION never fits
        }
        if (srcEnd - s < len) {
            return -1;
        }
        int init = capInit[l];
        for (int k = 0; k < len; k++) {
            if (src[init + k] != src[s + k]) {
                return -1;
            }
        }
        return s + len;
    }

    /** {@code %bxy} with {@code p} at x. */
    private int matchBalance(int s, int p) {
        if (p >= patEnd || p + 1 >= patEnd) {
            throw new LuaTextException("unbalanced pattern");
        }
        if (srcByte(s) != (pat[p] & 0xFF) || s >= srcEnd) {
            return -1;
        }
        int open = pat[p];
        int close = pat[p + 1];
        int depth = 1;
        while (++s < srcEnd) {
            byte c = src[s];
            if (c == close) {
                if (--depth == 0) {
                    return s + 1;
                }
            } else if (c == open) {
                depth++;
            }
        }
        return -1;
    }

    /** The index just past the single-character item starting at {@code p}. */
    private int classEnd(int p) {
        int known = items.itemEnd[p - patStart];
        if (known != 0) {
            return patStart + known;
        }
        int ep = readClassEnd(p);
        items.learn(p, ep);
        return ep;
    }

    private int readClassEnd(int p) {
        int c = pat[p++];
        if (c == '%') {
            if (p >= patEnd) {
                throw new LuaTextException("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (patByte(p) == '^') {
                p++;
            }
            do { // look for a ']'; the first character (even ']') is part of the set
                if (p >= patEnd) {
                    throw new LuaTextException("malformed pattern (missing ']')");
                }
                if (pat[p++] == '%' && p < patEnd) {
                    p++; // skip escapes such as %]
                }
            } while (patByte(p) != ']');
            return p + 1;
        }
        return p;
    }

    /** Whether byte {@code c} matches the item {@code [p, ep)}, whose end {@link #classEnd} has found. */
    private boolean singleMatch(int c, int p, int ep) {
        return items.matches(p, c);
    }
}
