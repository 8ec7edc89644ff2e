local t = {}
t[33] = 81
t[30] = 26
t["x2"] = 28
t[14] = 30
t[false] = 50
t[39] = 23
t[1.5] = 96
t[7] = 19
t[1] = 40
t[37] = 78
t[1.5] = 75
t[14] = 9
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, [3]=3, [3]=3, [3]=3, [3]=3, x=1, 1, [3]=3, [10]=1, nil}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
