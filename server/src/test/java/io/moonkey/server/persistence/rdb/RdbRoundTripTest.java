package io.moonkey.server.persistence.rdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.stream.ConsumerGroup;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.config.Config;
import io.moonkey.server.config.ServerParams;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer and the reader agree, and corrupt input only ever ends in an RdbFormatException. */
class RdbRoundTripTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static EncodingLimits limits() {
        Config c = new Config();
        ServerParams.registerAll(c);
        return new EncodingLimits(c);
    }

    private static Keyspace sample() {
        Keyspace ks = new Keyspace(4);
        ks.db(0).put(b("str"), StringValue.of(b("hello")), false);
        ks.db(0).put(b("num"), StringValue.of(b("-42")), false);
        ks.db(0).setExpire(b("num"), System.currentTimeMillis() + 100_000);
        ListValue l = ListValue.quicklist(-2);
        for (int i = 0; i < 300; i++) l.pushTail(b("e" + i));
        ks.db(1).put(b("list"), l, false);
        SetValue s = null;
        for (int i = 0; i < 20; i++) {
            byte[] m = b(Integer.toString(i * 3));
            if (s == null) s = SetValue.create(m, 20, io.moonkey.datastore.set.SetLimits.DEFAULTS);
            s.add(m, io.moonkey.datastore.set.SetLimits.DEFAULTS);
        }
        ks.db(0).put(b("set"), s, false);
        SortedSetValue z = SortedSetValue.create(false);
        z.add(b("a"), 1.5);
        z.add(b("b"), Double.NEGATIVE_INFINITY);
        ks.db(2).put(b("zset"), z, false);
        HashValue h = new HashValue();
        h.set(b("f"), b("v"));
        h.set(b("g"), b("12"));
        ks.db(0).put(b("hash"), h, false);
        Stream st = new Stream();
        for (int i = 1; i <= 150; i++) {
            byte[][] fv = i % 7 == 0 ? new byte[][] {b("x"), b("y" + i)} : new byte[][] {b("f"), b(Integer.toString(i)), b("g"), b("-" + i)};
            st.append(i, i % 3, fv, 0, fv.length, 4096, 100);
        }
        ConsumerGroup g = st.createGroup(b("grp"), 10, 1, 10);
        var c = g.createConsumer(b("cons"), 1234);
        g.deliver(5, 2, c, 999).setDeliveryCount(3);
        g.createConsumer(b("idle"), 55);
        ks.db(0).put(b("stream"), st, false);
        return ks;
    }

    @Test
    void aSnapshotLoadsBackIdentically() throws Exception {
        Keyspace ks = sample();
        byte[] file = RdbSnapshot.of(ks, "7.2.4", List.of(b("#!lua name=x\nredis.register_function('f', function() return 1 end)")), null);
        Keyspace back = new Keyspace(4);
        RdbLoader.Summary sum = new RdbLoader(limits(), false).load(file, back);
        assertEquals(7, sum.keys());
        assertEquals(1, sum.functions().size());
        assertEquals(RdbFormat.FILE_VERSION, sum.version());
        // a second snapshot of what was loaded has the same records (times in aux fields aside)
        for (int db = 0; db < 4; db++) assertEquals(ks.db(db).size(), back.db(db).size());
        assertEquals(ks.db(0).expireTime(b("num")), back.db(0).expireTime(b("num")));
        Stream st = (Stream) back.db(0).lookupRead(b("stream"));
        assertEquals(150, st.length());
        assertEquals(1, st.groupCount());
        ConsumerGroup g = st.group(b("grp"));
        assertEquals(1, g.pending().size());
        assertEquals(3, g.pending().get(5, 2).deliveryCount());
        assertEquals(999, g.pending().get(5, 2).deliveryTime());
        assertArrayEquals(b("cons"), g.pending().get(5, 2).consumer().name());
        assertEquals(2, g.consumerCount());
        SetValue s = (SetValue) back.db(0).lookupRead(b("set"));
        assertEquals(20, s.size());
        assertEquals("intset", s.encoding());
    }

    @Test
    void compressedStringsReadBack() throws Exception {
        java.util.Random rnd = new java.util.Random(5);
        int[] table = new int[1 << 13];
        for (int round = 0; round < 2000; round++) {
            int n = 21 + rnd.nextInt(round % 10 == 0 ? 20000 : 300);
            byte[] s = new byte[n];
            int alphabet = 1 + rnd.nextInt(round % 3 == 0 ? 256 : 4);
            for (int i = 0; i < n; i++) s[i] = (byte) (rnd.nextInt(alphabet) + (round % 5 == 0 ? rnd.nextInt(2) * 100 : 0));
            RdbWriter w = new RdbWriter().compressing(true);
            w.string(s);
            byte[] payload = w.finishDump(11);
            assertArrayEquals(s, new RdbInput(payload, 0, payload.length - 10).string(), "round " + round);
        }
        String[] ints = {"0", "-1", "127", "-128", "128", "32767", "-32768", "32768", "2147483647", "-2147483648", "2147483648", "007", "-0", "+5", "-", "12a"};
        for (String t : ints) {
            RdbWriter w = new RdbWriter().compressing(true);
            w.string(b(t));
            byte[] p = w.finishDump(11);
            assertArrayEquals(b(t), new RdbInput(p, 0, p.length - 10).string(), t);
        }
        byte[] repetitive = b("abc".repeat(1000));
        RdbWriter w = new RdbWriter().compressing(true);
        w.string(repetitive);
        assertEquals(true, w.size() < 100, "compressed to " + w.size());
        assertEquals(null, Lzf.compress(b("abcdefghijklmnopqrstuvwxyz"), 22, table)); // incompressible within the limit
    }

    @Test
    void listpacksRoundTripEveryIntegerWidth() throws Exception {
        long[] ints = {0, 127, 128, -1, 4095, -4096, 4096, 32767, -32768, 8388607, -8388608, 1L << 31, Long.MIN_VALUE, Long.MAX_VALUE};
        ListpackWriter w = new ListpackWriter();
        for (long v : ints) w.addInt(v);
        byte[] longString = "s".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        w.addString(b("short"));
        w.addString(b("m".repeat(200)));
        w.addString(longString);
        ListpackReader r = new ListpackReader(w.toBytes());
        for (long v : ints) {
            r.next();
            assertEquals(v, r.asLong());
        }
        r.next();
        assertArrayEquals(b("short"), r.bytes());
        r.next();
        assertArrayEquals(b("m".repeat(200)), r.bytes());
        r.next();
        assertArrayEquals(longString, r.bytes());
        assertEquals(false, r.next());
    }

    @Test
    void corruptFilesFailCleanly() {
        byte[] file = RdbSnapshot.of(sample(), "7.2.4", List.of(), null, true); // compressed strings too
        Random rnd = new Random(7);
        EncodingLimits limits = limits();
        int rejected = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bad = file.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int i = 0; i < flips; i++) bad[9 + rnd.nextInt(bad.length - 17)] = (byte) rnd.nextInt(256);
            if (round % 2 == 0) {
                long crc = Crc64.update(0, bad, 0, bad.length - 8); // past the checksum: the parser's own checks
                for (int i = 0; i < 8; i++) bad[bad.length - 8 + i] = (byte) (crc >>> (8 * i));
            } else if (round % 3 == 0) {
                bad = java.util.Arrays.copyOf(bad, rnd.nextInt(bad.length));
            }
            try {
                new RdbLoader(limits, false).load(bad, new Keyspace(4));
            } catch (RdbFormatException e) {
                rejected++;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("round " + round + " crashed: " + e, e);
            }
        }
        assertEquals(true, rejected > 1500, "rejected " + rejected);
    }

    @Test
    void headerChecks() {
        assertThrows(RdbFormatException.class, () -> RdbLoader.version(b("RUBIS0010")));
        RdbFormatException e = assertThrows(RdbFormatException.class, () -> RdbLoader.version(b("REDIS0012")));
        assertEquals("Can't handle RDB format version 12", e.getMessage());
        byte[] file = RdbSnapshot.of(new Keyspace(1), "7.2.4", List.of(), null);
        file[file.length - 1] ^= 1;
        e = assertThrows(RdbFormatException.class, () -> new RdbLoader(limits(), false).load(file, new Keyspace(1)));
        assertEquals("Wrong RDB checksum. Aborting now.", e.getMessage());
    }
}
