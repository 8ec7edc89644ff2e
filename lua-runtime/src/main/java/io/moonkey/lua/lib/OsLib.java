package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Types;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** The operating-system facilities a command-line interpreter needs (Lua 5.1 manual §5.8). */
public final class OsLib {
    private static final long START = System.nanoTime();

    private OsLib() {}

    private static LuaString s(String v) {
        return LuaString.latin1(v);
    }

    static void install(LuaState state) {
        LuaTable os = new LuaTable();
        state.globals.put(s("os"), os);
        LuaLib lib = new LuaLib(os);
        lib.add(new Builtin("time") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object t = Args.arg(a, 0);
                if (t == null) {
                    return cx.return1((double) Instant.now().getEpochSecond());
                }
                LuaTable tt = Args.checkTable(a, 0, "time");
                int sec = field(tt, "sec", 0);
                int min = field(tt, "min", 0);
                int hour = field(tt, "hour", 12);
                int day = field(tt, "day", -1);
                int month = field(tt, "month", -1);
                int year = field(tt, "year", -1);
                LocalDateTime ldt = LocalDateTime.of(year, 1, 1, 0, 0, 0)
                        .plusMonths(month - 1L).plusDays(day - 1L).plusHours(hour).plusMinutes(min).plusSeconds(sec);
                return cx.return1((double) ldt.atZone(ZoneId.systemDefault()).toEpochSecond());
            }
        });
        lib.add(new Builtin("clock") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(ProcessHandle.current().info().totalCpuDuration()
                        .map(d -> d.toNanos() / 1e9).orElse((System.nanoTime() - START) / 1e9));
            }
        });
        lib.add(new Builtin("date") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String fmt = Args.optString(a, 0, "date", s("%c")).toString();
                long t = Args.arg(a, 1) == null ? Instant.now().getEpochSecond() : (long) Args.checkNumber(a, 1, "date");
                boolean utc = fmt.startsWith("!");
                if (utc) {
                    fmt = fmt.substring(1);
                }
                ZonedDateTime d = Instant.ofEpochSecond(t).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
                if (fmt.startsWith("*t")) {
                    LuaTable r = new LuaTable(0, 9);
                    r.put(s("sec"), (double) d.getSecond());
                    r.put(s("min"), (double) d.getMinute());
                    r.put(s("hour"), (double) d.getHour());
                    r.put(s("day"), (double) d.getDayOfMonth());
                    r.put(s("month"), (double) d.getMonthValue());
                    r.put(s("year"), (double) d.getYear());
                    r.put(s("wday"), (double) (d.getDayOfWeek().getValue() % 7 + 1));
                    r.put(s("yday"), (double) d.getDayOfYear());
                    r.put(s("isdst"), Types.bool(d.getZone().getRules().isDaylightSavings(d.toInstant())));
                    return cx.return1(r);
                }
                return cx.return1(s(strftime(fmt, d)));
            }
        });
        lib.add(new Builtin("difftime") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(Args.checkNumber(a, 0, "difftime") - Args.optNumber(a, 1, "difftime", 0));
            }
        });
        lib.add(new Builtin("getenv") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String v = System.getenv(Args.checkString(a, 0, "getenv").toString());
                return cx.return1(v == null ? null : LuaString.utf8(v));
            }
        });
        lib.add(new Builtin("exit") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                cx.state.stdout.flush();
                System.out.flush();
                System.exit(Args.optInt(a, 0, "exit", 0));
                return cx.return0();
            }
        });
        lib.add(new Builtin("remove") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String name = Args.checkString(a, 0, "remove").toString();
                File f = new File(name);
                if (!f.exists()) {
                    return cx.return3(null, s(name + ": No such file or directory"), 2.0);
                }
                if (!f.delete()) {
                    return cx.return3(null, s(name + ": Operation not permitted"), 1.0);
                }
                return cx.return1(Boolean.TRUE);
            }
        });
        lib.add(new Builtin("rename") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String from = Args.checkString(a, 0, "rename").toString();
                String to = Args.checkString(a, 1, "rename").toString();
                if (!new File(from).renameTo(new File(to))) {
                    return cx.return3(null, s(from + ": No such file or directory"), 2.0);
                }
                return cx.return1(Boolean.TRUE);
            }
        });
        lib.add(new Builtin("tmpname") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                try {
                    File f = File.createTempFile("lua_", null);
                    return cx.return1(s(f.getPath()));
                } catch (IOException e) {
                    throw Args.error("unable to generate a unique filename");
                }
            }
        });
    }

    private static int field(LuaTable t, String key, int def) {
        Object v = t.get(s(key));
        if (v instanceof Double d) {
            return (int) (double) d;
        }
        if (def < 0) {
            throw Args.error("field '" + key + "' missing in date table");
        }
        return def;
    }

    /** C {@code strftime} in the C locale for the common conversions. */
    static String strftime(String fmt, ZonedDateTime d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char k = fmt.charAt(++i);
            switch (k) {
                case 'Y' -> sb.append(d.getYear());
                case 'y' -> sb.append(String.format("%02d", d.getYear() % 100));
                case 'm' -> sb.append(String.format("%02d", d.getMonthValue()));
                case 'd' -> sb.append(String.format("%02d", d.getDayOfMonth()));
                case 'H' -> sb.append(String.format("%02d", d.getHour()));
                case 'I' -> sb.append(String.format("%02d", (d.getHour() + 11) % 12 + 1));
                case 'M' -> sb.append(String.format("%02d", d.getMinute()));
                case 'S' -> sb.append(String.format("%02d", d.getSecond()));
                case 'p' -> sb.append(d.getHour() < 12 ? "AM" : "PM");
                case 'j' -> sb.append(String.format("%03d", d.getDayOfYear()));
                case 'A' -> sb.append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'a' -> sb.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> sb.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'b' -> sb.append(d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'Z' -> sb.append(d.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'x' -> sb.append(strftime("%m/%d/%y", d));
                case 'X' -> sb.append(strftime("%H:%M:%S", d));
                case 'c' -> sb.append(strftime("%a %b ", d)).append(String.format("%2d", d.getDayOfMonth()))
                        .append(strftime(" %H:%M:%S %Y", d));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(k);
            }
        }
        return sb.toString();
    }
}
