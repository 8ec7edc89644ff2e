local t = {}
t[6] = 91
t[true] = 17
t[23] = 18
t[20] = 50
t["gamma"] = 28
t[5] = 54
t[31] = 81
t[5] = 43
t[3] = 11
t["x1"] = 90
t[7] = 30
t[5] = 40
t[9] = 35
t["k39"] = 6
t[34] = 9
t["gamma"] = 46
t["delta"] = 99
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {x=1, [3]=3, 1, [3]=3, 1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
