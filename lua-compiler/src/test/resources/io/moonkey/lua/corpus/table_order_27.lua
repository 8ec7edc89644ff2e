local t = {}
t[31] = nil
t[10000000000.0] = 21
t[true] = 73
t[1] = 12
t[7] = 33
t[4] = 49
t[true] = 14
t[23] = 14
t["delta"] = 86
t[10] = 26
t[31] = 16
t[0] = 63
t["k31"] = nil
t[2] = nil
t[1.5] = 40
t[28] = 86
t["a"] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {"s", [3]=3, nil, "s", 1, "s", [10]=1, [10]=1, 1, [10]=1, [10]=1, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
