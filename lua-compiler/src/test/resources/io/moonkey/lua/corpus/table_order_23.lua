local t = {}
t[24] = 80
t[4] = nil
t[false] = 45
t[7] = 64
t[24] = 59
t[20] = nil
t[0] = 86
t[true] = nil
t[18] = 78
t[true] = 23
t[21] = 13
t[true] = 68
t[10000000000.0] = nil
t[8] = 66
t[14] = 94
t[1] = 84
t["b"] = 20
t["k98"] = nil
t[7] = 61
t[10] = 57
t["b"] = 80
t[5] = 42
t["alpha"] = 25
t[10] = 69
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {"s", x=1, [3]=3, [10]=1, "s", nil, [10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
