package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bridge that records what scripts ask of the server and answers with canned replies. */
final class RecordingBridge implements ServerApi.Bridge {
    final List<String> calls = new ArrayList<>();
    final List<String> logs = new ArrayList<>();
    int resp = 2;
    int repl = 3;

    @Override
    public Object call(CallContext cx, byte[][] argv) {
        List<String> words = new ArrayList<>();
        for (byte[] a : argv) {
            words.add(new String(a, StandardCharsets.ISO_8859_1));
        }
        calls.add(String.join(" ", words));
        if (words.get(0).equalsIgnoreCase("nosuch")) {
            return ServerApi.errorTable("-ERR Unknown Redis command called from script", true);
        }
        return LuaString.latin1("reply:" + String.join(",", words));
    }

    @Override
    public void log(int level, byte[] message) {
        logs.add(level + " " + new String(message, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void setResp(int version) {
        resp = version;
    }

    @Override
    public void setRepl(int flags) {
        repl = flags;
    }

    @Override
    public Boolean aclCheck(byte[][] argv) {
        return new String(argv[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase("nosuch") ? null : Boolean.TRUE;
    }
}
