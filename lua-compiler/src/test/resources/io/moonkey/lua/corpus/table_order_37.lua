local t = {}
t["c"] = 16
t[10] = 38
t[2] = 95
t["x2"] = 70
t[37] = 4
t[10000000000.0] = 51
t[29] = 77
t[true] = 92
t[10] = 62
t[23] = 86
t[15] = nil
t["c"] = nil
t[8] = 37
t[12] = 86
t[14] = 41
t[5] = 86
t[false] = 42
t[false] = nil
t["b"] = 1
t[true] = 31
t[15] = 51
t["alpha"] = 91
t[38] = 65
t[100] = 69
t[5] = 78
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
