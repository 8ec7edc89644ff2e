package io.moonkey.server.scripting.ldb;

import io.moonkey.server.resp.ReplySink;

/**
 * Passes a command's reply to the sink that builds its Lua value and, while the debugger
 * traces commands, to a second sink that keeps the raw RESP for the {@code <reply>} entry
 * (ldb.md §5.3). The primary sink decides the protocol.
 */
public final class ReplyTee implements ReplySink {
    private final ReplySink primary;
    private final ReplySink copy;

    public ReplyTee(ReplySink primary, ReplySink copy) {
        this.primary = primary;
        this.copy = copy;
    }

    @Override
    public void simple(String s) {
        primary.simple(s);
        copy.simple(s);
    }

    @Override
    public void error(String message) {
        primary.error(message);
        copy.error(message);
    }

    @Override
    public void errorCountedElsewhere(String message) {
        primary.errorCountedElsewhere(message);
        copy.errorCountedElsewhere(message);
    }

    @Override
    public void integer(long v) {
        primary.integer(v);
        copy.integer(v);
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        primary.bulk(b, off, len);
        copy.bulk(b, off, len);
    }

    @Override
    public void nullBulk() {
        primary.nullBulk();
        copy.nullBulk();
    }

    @Override
    public void nullArray() {
        primary.nullArray();
        copy.nullArray();
    }

    @Override
    public void arrayHeader(int n) {
        primary.arrayHeader(n);
        copy.arrayHeader(n);
    }

    @Override
    public void mapHeader(int n) {
        primary.mapHeader(n);
        copy.mapHeader(n);
    }

    @Override
    public void setHeader(int n) {
        primary.setHeader(n);
        copy.setHeader(n);
    }

    @Override
    public void pushHeader(int n) {
        primary.pushHeader(n);
        copy.pushHeader(n);
    }

    @Override
    public void doubleValue(double d) {
        primary.doubleValue(d);
        copy.doubleValue(d);
    }

    @Override
    public void bool(boolean b) {
        primary.bool(b);
        copy.bool(b);
    }

    @Override
    public void verbatim(String format, byte[] text) {
        primary.verbatim(format, text);
        copy.verbatim(format, text);
    }

    @Override
    public void bigNumber(String decimal) {
        primary.bigNumber(decimal);
        copy.bigNumber(decimal);
    }

    @Override
    public int protocol() {
        return primary.protocol();
    }
}
