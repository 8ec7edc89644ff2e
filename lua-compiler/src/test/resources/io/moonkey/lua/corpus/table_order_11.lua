local t = {}
t["gamma"] = 85
t[5] = 15
t[5] = 23
t[1] = 90
t[31] = nil
t[33] = 19
t[true] = 93
t["k81"] = 38
t[2] = 53
t[3] = 58
t[10000000000.0] = 82
t[30] = 18
t[2] = 72
t[13] = 94
t[1] = 17
t[6] = 95
t[9] = 98
t[6] = 22
t["a"] = 92
t[38] = nil
t[2] = nil
t["b"] = 11
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, "s", [3]=3, 1, nil, "s", x=1, [10]=1, "s", 1, nil, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
