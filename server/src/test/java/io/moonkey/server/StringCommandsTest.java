package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StringCommandsTest {
    private final LocalClient c;

    StringCommandsTest() throws Exception {
        c = new LocalClient();
    }

    @Test
    void setAndGet() {
        assertEquals("+OK\r\n", c.call("SET", "k", "v"));
        assertEquals("$1\r\nv\r\n", c.call("GET", "k"));
        assertEquals("$-1\r\n", c.call("GET", "missing"));
        assertEquals("-ERR wrong number of arguments for 'get' command\r\n", c.call("GET"));
    }

    @Test
    void setOptions() {
        assertEquals("$-1\r\n", c.call("SET", "k", "v", "XX"));
        assertEquals("+OK\r\n", c.call("SET", "k", "v", "NX"));
        assertEquals("$-1\r\n", c.call("SET", "k", "w", "NX"));
        assertEquals("$1\r\nv\r\n", c.call("SET", "k", "w", "GET"));
        assertEquals("-ERR syntax error\r\n", c.call("SET", "k", "v", "NX", "XX"));
        assertEquals("-ERR syntax error\r\n", c.call("SET", "k", "v", "EX", "10", "PX", "5"));
        assertEquals("-ERR invalid expire time in 'set' command\r\n", c.call("SET", "k", "v", "EX", "0"));
        assertEquals("-ERR value is not an integer or out of range\r\n", c.call("SET", "k", "v", "EX", "x"));
        assertEquals("+OK\r\n", c.call("SET", "k", "v", "EX", "100"));
        assertEquals(":100\r\n", c.call("TTL", "k"));
        assertEquals("+OK\r\n", c.call("SET", "k", "v2", "KEEPTTL"));
        assertEquals(":100\r\n", c.call("TTL", "k"));
        assertEquals("+OK\r\n", c.call("SET", "k", "v3"));
        assertEquals(":-1\r\n", c.call("TTL", "k"));
        c.call("LPUSH", "x"); // unknown for now: must not break anything
    }

    @Test
    void counters() {
        assertEquals(":1\r\n", c.call("INCR", "n"));
        assertEquals(":11\r\n", c.call("INCRBY", "n", "10"));
        assertEquals(":10\r\n", c.call("DECR", "n"));
        assertEquals(":0\r\n", c.call("DECRBY", "n", "10"));
        c.call("SET", "s", "abc");
        assertEquals("-ERR value is not an integer or out of range\r\n", c.call("INCR", "s"));
        c.call("SET", "big", "9223372036854775807");
        assertEquals("-ERR increment or decrement would overflow\r\n", c.call("INCR", "big"));
        c.call("SET", "z", "007");
        assertEquals("-ERR value is not an integer or out of range\r\n", c.call("INCR", "z"));
        c.call("SET", "f", "10.5");
        assertEquals("$4\r\n10.6\r\n", c.call("INCRBYFLOAT", "f", "0.1"));
        assertEquals("$31\r\n1000000000000000000024696061952\r\n", c.call("INCRBYFLOAT", "g", "1e30"));
        assertEquals("-ERR value is not a valid float\r\n", c.call("INCRBYFLOAT", "f", "x"));
        assertEquals("-ERR increment would produce NaN or Infinity\r\n", c.call("INCRBYFLOAT", "f", "inf"));
    }

    @Test
    void integerEncoding() {
        c.call("SET", "i", "12345");
        assertEquals("$3\r\nint\r\n", c.call("OBJECT", "ENCODING", "i"));
        c.call("SET", "e", "hello");
        assertEquals("$6\r\nembstr\r\n", c.call("OBJECT", "ENCODING", "e"));
        c.call("APPEND", "e", "!");
        assertEquals("$3\r\nraw\r\n", c.call("OBJECT", "ENCODING", "e"));
        assertEquals("$6\r\nhello!\r\n", c.call("GET", "e"));
    }

    @Test
    void rangesAndLengths() {
        c.call("SET", "s", "Hello World");
        assertEquals(":11\r\n", c.call("STRLEN", "s"));
        assertEquals("$5\r\nWorld\r\n", c.call("GETRANGE", "s", "-5", "-1"));
        assertEquals("$0\r\n\r\n", c.call("GETRANGE", "s", "5", "2"));
        assertEquals(":11\r\n", c.call("SETRANGE", "s", "6", "Redis"));
        assertEquals("$11\r\nHello Redis\r\n", c.call("GET", "s"));
        assertEquals(":8\r\n", c.call("SETRANGE", "p", "3", "abcde"));
        assertEquals("$8\r\n\0\0\0abcde\r\n", c.call("GET", "p"));
        assertEquals(":6\r\n", c.call("APPEND", "a", "foobar"));
    }

    @Test
    void multiKey() {
        assertEquals("+OK\r\n", c.call("MSET", "a", "1", "b", "2"));
        assertEquals("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n", c.call("MGET", "a", "b", "c"));
        assertEquals(":0\r\n", c.call("MSETNX", "a", "1", "c", "3"));
        assertEquals(":1\r\n", c.call("MSETNX", "c", "3", "d", "4"));
        assertEquals("-ERR wrong number of arguments for 'mset' command\r\n", c.call("MSET", "a", "1", "b"));
        assertEquals("$1\r\n1\r\n", c.call("GETSET", "a", "x"));
        assertEquals("$1\r\nx\r\n", c.call("GETDEL", "a"));
        assertEquals(":0\r\n", c.call("EXISTS", "a"));
    }

    @Test
    void getex() {
        c.call("SET", "k", "v");
        assertEquals("$1\r\nv\r\n", c.call("GETEX", "k", "EX", "50"));
        assertEquals(":50\r\n", c.call("TTL", "k"));
        assertEquals("$1\r\nv\r\n", c.call("GETEX", "k", "PERSIST"));
        assertEquals(":-1\r\n", c.call("TTL", "k"));
        assertEquals("-ERR syntax error\r\n", c.call("GETEX", "k", "EX", "5", "PX", "5"));
    }

    @Test
    void bits() {
        assertEquals(":0\r\n", c.call("SETBIT", "b", "7", "1"));
        assertEquals(":1\r\n", c.call("GETBIT", "b", "7"));
        assertEquals(":1\r\n", c.call("BITCOUNT", "b"));
        assertEquals(":7\r\n", c.call("BITPOS", "b", "1"));
        assertEquals("-ERR bit is not an integer or out of range\r\n", c.call("SETBIT", "b", "1", "2"));
        c.call("SET", "x", "foobar");
        assertEquals(":26\r\n", c.call("BITCOUNT", "x"));
        assertEquals(":4\r\n", c.call("BITCOUNT", "x", "0", "0"));
        assertEquals(":6\r\n", c.call("BITCOUNT", "x", "1", "1"));
        assertEquals(":6\r\n", c.call("BITOP", "NOT", "dest", "x"));
        assertEquals(":6\r\n", c.call("BITOP", "AND", "dest", "x", "dest"));
        assertEquals("$6\r\n\0\0\0\0\0\0\r\n", c.call("GET", "dest"));
    }

    @Test
    void lcs() {
        c.call("MSET", "key1", "ohmytext", "key2", "mynewtext");
        assertEquals("$6\r\nmytext\r\n", c.call("LCS", "key1", "key2"));
        assertEquals(":6\r\n", c.call("LCS", "key1", "key2", "LEN"));
        String idx = c.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN");
        assertEquals("*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n", idx);
    }

    @Test
    void wrongType() {
        c.server.keyspace(); // strings only exist so far; WRONGTYPE is exercised with BITOP on a future type
        assertTrue(c.call("GET", "nokey").startsWith("$-1"));
    }
}
