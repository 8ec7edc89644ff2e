package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Metatables;
import io.moonkey.lua.runtime.Userdata;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The io library (Lua 5.1 manual §5.7) as far as a command-line interpreter needs it: the
 * standard streams, {@code io.write}/{@code read}/{@code lines}/{@code open}/{@code close} and
 * the file methods. Files are userdata with a shared metatable.
 */
public final class IoLib {
    private IoLib() {}

    private static LuaString s(String v) {
        return LuaString.latin1(v);
    }

    /** The io library's state in one Lua state: default input/output and the file metatable. */
    private static final class Io {
        final LuaTable fileMeta = new LuaTable();
        Userdata input;
        Userdata output;

        Userdata wrap(LuaFile f) {
            return new Userdata(f, fileMeta);
        }
    }

    static LuaFile checkFile(Object[] a, int i, String fname) {
        if (i < a.length && a[i] instanceof Userdata u && u.payload instanceof LuaFile f) {
            if (f.closed) {
                throw Args.error("attempt to use a closed file");
            }
            return f;
        }
        throw Args.typeError(a, i, fname, "FILE*");
    }

    private static Object failure(CallContext cx, String what, IOException e) {
        String msg = e instanceof FileNotFoundException ? "No such file or directory" : e.getMessage();
        return cx.return3(null, s(what == null ? msg : what + ": " + msg), 2.0);
    }

    static void install(LuaState state) {
        Io io = new Io();
        LuaTable lib = new LuaTable();
        state.globals.put(s("io"), lib);
        LuaTable methods = new LuaTable();
        io.fileMeta.put(Metatables.INDEX, methods);
        io.fileMeta.put(Metatables.TOSTRING, new Builtin("tostring") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaFile f = (LuaFile) ((Userdata) a[0]).payload;
                return cx.return1(s(f.closed ? "file (closed)" : "file (0x" + Integer.toHexString(System.identityHashCode(f)) + ")"));
            }
        });
        Userdata stdin = io.wrap(LuaFile.input(new BufferedInputStream(System.in)));
        Userdata stdout = io.wrap(LuaFile.stateOutput(state));
        Userdata stderr = io.wrap(LuaFile.output(System.err));
        io.input = stdin;
        io.output = stdout;
        lib.put(s("stdin"), stdin);
        lib.put(s("stdout"), stdout);
        lib.put(s("stderr"), stderr);

        LuaLib m = new LuaLib(methods);
        m.add(new Builtin("write") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaFile f = checkFile(a, 0, "write");
                return write(cx, f, a, 1, a[0]);
            }
        });
        m.add(new Builtin("read") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return read(cx, checkFile(a, 0, "read"), a, 1);
            }
        });
        m.add(new Builtin("lines") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(lines(checkFile(a, 0, "lines"), false));
            }
        });
        m.add(new Builtin("close") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return close(cx, checkFile(a, 0, "close"));
            }
        });
        m.add(new Builtin("flush") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                try {
                    checkFile(a, 0, "flush").flush();
                    return cx.return1(Boolean.TRUE);
                } catch (IOException e) {
                    return failure(cx, null, e);
                }
            }
        });
        m.add(new Builtin("seek") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaFile f = checkFile(a, 0, "seek");
                String whence = Args.optString(a, 1, "seek", s("cur")).toString();
                long off = Args.optInteger(a, 2, "seek", 0);
                try {
                    return cx.return1((double) f.seek(whence, off));
                } catch (IOException e) {
                    return failure(cx, null, e);
                }
            }
        });
        m.add(new Builtin("setvbuf") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                checkFile(a, 0, "setvbuf");
                return cx.return1(Boolean.TRUE);
            }
        });

        LuaLib l = new LuaLib(lib);
        l.add(new Builtin("write") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return write(cx, (LuaFile) io.output.payload, a, 0, io.output);
            }
        });
        l.add(new Builtin("read") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return read(cx, (LuaFile) io.input.payload, a, 0);
            }
        });
        l.add(new Builtin("lines") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (Args.arg(a, 0) == null) {
                    return cx.return1(lines((LuaFile) io.input.payload, false));
                }
                String name = Args.checkString(a, 0, "lines").toString();
                try {
                    return cx.return1(lines(LuaFile.of(new RandomAccessFile(name, "r")), true));
                } catch (IOException e) {
                    throw Args.error(name + ": No such file or directory");
                }
            }
        });
        l.add(new Builtin("open") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String name = Args.checkString(a, 0, "open").toString();
                String mode = Args.optString(a, 1, "open", s("r")).toString();
                try {
                    RandomAccessFile raf;
                    if (mode.startsWith("r")) {
                        raf = new RandomAccessFile(name, mode.contains("+") ? "rw" : "r");
                    } else if (mode.startsWith("w")) {
                        raf = new RandomAccessFile(name, "rw");
                        raf.setLength(0);
                    } else if (mode.startsWith("a")) {
                        raf = new RandomAccessFile(name, "rw");
                        raf.seek(raf.length());
                    } else {
                        throw Args.argError(2, "open", "invalid mode");
                    }
                    return cx.return1(io.wrap(LuaFile.of(raf)));
                } catch (IOException e) {
                    return failure(cx, name, e);
                }
            }
        });
        l.add(new Builtin("close") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (Args.arg(a, 0) == null) {
                    return close(cx, (LuaFile) io.output.payload);
                }
                return close(cx, checkFile(a, 0, "close"));
            }
        });
        l.add(new Builtin("output") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object f = Args.arg(a, 0);
                if (f instanceof LuaString name) {
                    try {
                        RandomAccessFile raf = new RandomAccessFile(name.toString(), "rw");
                        raf.setLength(0);
                        io.output = io.wrap(LuaFile.of(raf));
                    } catch (IOException e) {
                        throw Args.error(name + ": " + e.getMessage());
                    }
                } else if (f != null) {
                    checkFile(a, 0, "output");
                    io.output = (Userdata) f;
                }
                return cx.return1(io.output);
            }
        });
        l.add(new Builtin("input") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object f = Args.arg(a, 0);
                if (f instanceof LuaString name) {
                    try {
                        io.input = io.wrap(LuaFile.of(new RandomAccessFile(name.toString(), "r")));
                    } catch (IOException e) {
                        throw Args.error(name + ": No such file or directory");
                    }
                } else if (f != null) {
                    checkFile(a, 0, "input");
                    io.input = (Userdata) f;
                }
                return cx.return1(io.input);
            }
        });
        l.add(new Builtin("type") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Args.checkAny(a, 0, "type");
                if (a[0] instanceof Userdata u && u.payload instanceof LuaFile f) {
                    return cx.return1(s(f.closed ? "closed file" : "file"));
                }
                return cx.return1(null);
            }
        });
    }

    private static Object close(CallContext cx, LuaFile f) {
        if (f.isStandard()) {
            return cx.return2(null, s("cannot close standard file"));
        }
        try {
            f.close();
            return cx.return1(Boolean.TRUE);
        } catch (IOException e) {
            return failure(cx, null, e);
        }
    }

    private static Object write(CallContext cx, LuaFile f, Object[] a, int from, Object self) {
        try {
            for (int i = from; i < a.length; i++) {
                LuaString v = Conversions.toLuaString(a[i]);
                if (v == null) {
                    throw Args.typeError(a, i, "write", "string");
                }
                f.write(v.bytes());
            }
            return cx.return1(Boolean.TRUE);
        } catch (IOException e) {
            return failure(cx, null, e);
        }
    }

    private static Object read(CallContext cx, LuaFile f, Object[] a, int from) {
        List<Object> out = new ArrayList<>();
        try {
            if (a.length <= from) {
                byte[] line = f.readLine();
                return cx.return1(line == null ? null : LuaString.wrap(line));
            }
            for (int i = from; i < a.length; i++) {
                Object v;
                if (a[i] instanceof Double d) {
                    byte[] b = f.read((int) (double) d);
                    v = b == null ? null : LuaString.wrap(b);
                } else {
                    String fmt = Args.checkString(a, i, "read").toString();
                    if (fmt.startsWith("*n")) {
                        v = readNumber(f);
                    } else if (fmt.startsWith("*l")) {
                        byte[] line = f.readLine();
                        v = line == null ? null : LuaString.wrap(line);
                    } else if (fmt.startsWith("*a")) {
                        v = LuaString.wrap(f.readAll());
                    } else {
                        throw Args.argError(i + 1, "read", "invalid format");
                    }
                }
                out.add(v);
                if (v == null) {
                    break;
                }
            }
        } catch (IOException e) {
            return failure(cx, null, e);
        }
        return cx.returnArray(out.toArray());
    }

    private static Object readNumber(LuaFile f) throws IOException {
        while (f.peek() >= 0 && Character.isWhitespace(f.peek())) {
            f.read();
        }
        StringBuilder sb = new StringBuilder();
        while (f.peek() >= 0 && "0123456789+-.eExXabcdefABCDEF".indexOf(f.peek()) >= 0) {
            sb.append((char) f.read());
        }
        return Conversions.toNumber(s(sb.toString()));
    }

    private static LuaFunction lines(LuaFile f, boolean closeAtEnd) {
        return new Builtin("lines_aux") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (f.closed) {
                    throw Args.error("file is already closed");
                }
                try {
                    byte[] line = f.readLine();
                    if (line == null) {
                        if (closeAtEnd) {
                            f.close();
                        }
                        return cx.return1(null);
                    }
                    return cx.return1(LuaString.wrap(line));
                } catch (IOException e) {
                    throw new LuaError(s(e.getMessage()));
                }
            }
        };
    }
}
