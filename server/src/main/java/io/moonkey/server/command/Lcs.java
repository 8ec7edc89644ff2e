package io.moonkey.server.command;

import io.moonkey.server.resp.ReplySink;
import java.util.ArrayList;
import java.util.List;

/** The longest common subsequence of two strings and its matched ranges (the LCS command). */
final class Lcs {
    private Lcs() {}

    static void reply(byte[] a, byte[] b, boolean lenOnly, boolean idx, boolean withLen, long minLen, ReplySink out) {
        int n = a.length, m = b.length;
        if ((long) (n + 1) * (m + 1) > 512L * 1024 * 1024 / 4) {
            throw new CommandError("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        int w = m + 1;
        int[] t = new int[(n + 1) * w];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                t[i * w + j] = a[i - 1] == b[j - 1] ? t[(i - 1) * w + j - 1] + 1 : Math.max(t[(i - 1) * w + j], t[i * w + j - 1]);
            }
        }
        int total = t[n * w + m];
        if (lenOnly) {
            out.integer(total);
            return;
        }
        byte[] result = new byte[total];
        List<long[]> matches = new ArrayList<>();
        int k = total, i = n, j = m;
        int aStart = -1, aEnd = -1, bStart = -1, bEnd = -1;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                result[--k] = a[i - 1];
                if (aStart < 0) {
                    aStart = aEnd = i - 1;
                    bStart = bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) emit = true;
                i--;
                j--;
            } else {
                if (t[(i - 1) * w + j] > t[i * w + j - 1]) i--;
                else j--;
                if (aStart >= 0) emit = true;
            }
            if (emit && aStart >= 0) {
                long len = aEnd - aStart + 1;
                if (minLen == 0 || len >= minLen) matches.add(new long[] {aStart, aEnd, bStart, bEnd, len});
                aStart = -1;
            }
        }
        if (!idx) {
            out.bulk(result);
            return;
        }
        out.mapHeader(2);
        out.bulk("matches");
        out.arrayHeader(matches.size());
        for (long[] r : matches) {
            out.arrayHeader(withLen ? 3 : 2);
            out.arrayHeader(2);
            out.integer(r[0]);
            out.integer(r[1]);
            out.arrayHeader(2);
            out.integer(r[2]);
            out.integer(r[3]);
            if (withLen) out.integer(r[4]);
        }
        out.bulk("len");
        out.integer(total);
    }
}
