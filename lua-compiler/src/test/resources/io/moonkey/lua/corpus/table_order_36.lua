local t = {}
t[34] = 18
t["x2"] = 59
t[15] = 16
t[1] = 87
t[23] = nil
t[22] = 80
t["alpha"] = nil
t[true] = 88
t[2] = 96
t["x2"] = 6
t[13] = nil
t["c"] = 37
t[false] = 75
t[false] = 70
t[20] = 32
t[30] = 66
t[false] = 15
t[33] = 23
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, 1, 1, "s", [3]=3, 1, "s", "s", 1, "s", [10]=1, 1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
