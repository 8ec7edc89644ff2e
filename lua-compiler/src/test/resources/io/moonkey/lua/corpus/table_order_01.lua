local t = {}
t[23] = nil
t[4] = 48
t[8] = 59
t[6] = 76
t[true] = nil
t["alpha"] = 23
t["c"] = 74
t[23] = 79
t[30] = nil
t[23] = 99
t[1] = 4
t[18] = 98
t[1] = 47
t["delta"] = 70
t[4] = 49
t[true] = 38
t["a"] = 16
t[4] = 38
t[false] = 4
t[5] = 2
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
