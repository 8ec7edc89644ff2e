local t = {}
t[-0.5] = 52
t[19] = 86
t[4] = 94
t[37] = 73
t[-1] = 56
t[3] = 39
t[true] = nil
t[10000000000.0] = 89
t[14] = 29
t[1099511627776] = 77
t[31] = nil
t[-0.5] = 25
t[7] = 24
t[5] = nil
t[39] = 85
t["a"] = 49
t[3] = 2
t[1] = nil
t[16] = 7
t[10] = 97
t["b"] = 83
t[4] = 10
t[false] = 53
t["a"] = 96
t[3] = 30
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {x=1, "s", nil, "s", [10]=1, "s", [10]=1, [3]=3, "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
