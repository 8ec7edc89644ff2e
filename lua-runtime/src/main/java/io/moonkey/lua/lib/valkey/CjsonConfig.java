package io.moonkey.lua.lib.valkey;

/**
 * The settings of one cjson module instance (Lua CJSON 2.1.0 defaults). They persist across
 * script runs in the same Lua state; {@code cjson.new()} makes a module with its own.
 */
final class CjsonConfig {
    /** encode_sparse_array(convert, ratio, safe). */
    boolean sparseConvert;
    int sparseRatio = 2;
    int sparseSafe = 10;
    int encodeMaxDepth = 1000;
    int decodeMaxDepth = 1000;
    int encodeNumberPrecision = 14;
    boolean encodeKeepBuffer = true;
    /** 0 off (error), 1 on (nan/inf text), 2 "null". */
    int encodeInvalidNumbers;
    boolean decodeInvalidNumbers = true;
}
