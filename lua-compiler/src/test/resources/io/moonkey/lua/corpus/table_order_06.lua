local t = {}
t[100] = 58
t[-0.5] = 99
t[33] = nil
t["alpha"] = 83
t[20] = 89
t["key"] = 57
t["k30"] = 90
t[5] = 5
t[16] = 17
t[29] = nil
t["x2"] = 74
t[5] = 26
t[36] = 58
t[25] = 77
t["c"] = nil
t[100] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
