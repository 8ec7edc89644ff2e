local t = {}
t[8] = 24
t["gamma"] = 31
t[1] = 5
t[1] = 22
t["c"] = 14
t[4] = 81
t[33] = nil
t[17] = 51
t[3] = 54
t[39] = 12
t[39] = 99
t[7] = 1
t[false] = 48
t["b"] = 5
t[1.5] = 79
t[1] = 77
t[false] = 38
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, "s", nil, [3]=3, "s", [3]=3, [3]=3, x=1, [10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
