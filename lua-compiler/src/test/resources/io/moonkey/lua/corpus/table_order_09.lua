local t = {}
t[33] = 45
t[8] = nil
t[2] = 66
t[34] = 33
t[true] = 97
t["a"] = 48
t["x2"] = 65
t[true] = 49
t[20] = 35
t["b"] = nil
t[7] = 46
t["x1"] = 40
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1, [3]=3, 1, nil}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
