package io.moonkey.lua.compiler;

/** JVM names of the runtime types and members generated code refers to. */
final class Names {
    private Names() {}

    static final String RT = "io/moonkey/lua/runtime/";
    static final String OBJECT = "java/lang/Object";
    static final String OBJECT_D = "Ljava/lang/Object;";
    static final String OBJECTS_D = "[Ljava/lang/Object;";
    static final String BOXED_DOUBLE = "java/lang/Double";
    static final String CX = RT + "CallContext";
    static final String CX_D = "L" + CX + ";";
    static final String CELL = RT + "Cell";
    static final String CELL_D = "L" + CELL + ";";
    static final String TABLE = RT + "LuaTable";
    static final String TABLE_D = "L" + TABLE + ";";
    static final String STRING = RT + "LuaString";
    static final String STRING_D = "L" + STRING + ";";
    static final String FUNCTION = RT + "LuaFunction";
    static final String FUNCTION_D = "L" + FUNCTION + ";";
    static final String CLOSURE = RT + "LuaClosure";
    static final String ARITH = RT + "Arith";
    static final String COMPARE = RT + "Compare";
    static final String CONCAT = RT + "Concat";
    static final String INDEX = RT + "Index";
    static final String CALLS = RT + "Calls";
    static final String TYPES = RT + "Types";
    static final String VARARGS = RT + "Varargs";
}
