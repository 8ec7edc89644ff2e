local t = {}
t[39] = 27
t["x1"] = 14
t[-0.5] = nil
t["key"] = 24
t[40] = 77
t[100] = 20
t[24] = nil
t["gamma"] = 46
t["x1"] = nil
t["b"] = 60
t[27] = 14
t["x1"] = 61
t["x2"] = nil
t[true] = 40
t["c"] = 9
t[34] = 35
t[false] = nil
t[2] = nil
t[0] = 17
t[false] = nil
t[8] = 77
t[31] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {x=1, 1, x=1, 1, [3]=3, "s", [10]=1, [3]=3, nil, x=1, x=1, [10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
