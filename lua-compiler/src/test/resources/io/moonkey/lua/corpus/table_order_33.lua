local t = {}
t[7] = 14
t["key"] = 75
t[1.5] = 55
t[34] = 29
t[5] = nil
t["k38"] = 26
t[2] = nil
t["key"] = nil
t[12] = 2
t["key"] = 3
t[14] = 95
t[7] = 24
t[0] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1, x=1, x=1, "s", 1, [3]=3, "s", 1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
