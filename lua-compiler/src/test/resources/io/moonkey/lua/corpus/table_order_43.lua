local t = {}
t[1.5] = nil
t[10000000000.0] = 26
t[true] = 84
t["b"] = 16
t[35] = 98
t["key"] = nil
t[1.5] = 57
t["x2"] = 12
t[100] = nil
t[-1] = 99
t["delta"] = 55
t[35] = 64
t[0] = 14
t["k70"] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, nil, x=1, [3]=3, 1, 1, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
