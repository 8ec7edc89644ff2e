local t = {}
t["k68"] = 19
t[true] = 69
t[true] = 97
t["c"] = 62
t[20] = 34
t[28] = nil
t[12] = 58
t[true] = 40
t["a"] = 9
t[3] = nil
t[1099511627776] = 13
t[3] = 44
t[3] = 95
t[1] = 96
t[false] = 58
t["key"] = 89
t[21] = 29
t[true] = 85
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, "s", nil, [10]=1, [10]=1, 1, nil}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
