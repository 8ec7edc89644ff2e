local t = {}
t[0] = nil
t["a"] = 44
t[22] = 31
t[35] = 22
t[false] = 54
t[0] = 53
t["a"] = 49
t[true] = nil
t[1] = 19
t[10000000000.0] = 73
t["b"] = 53
t[false] = 45
t[5] = 87
t[5] = nil
t[11] = 97
t["key"] = 27
t[-0.5] = 95
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, [3]=3, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
