local t = {}
t[7] = nil
t[100] = 93
t["key"] = 86
t["a"] = 37
t[7] = 6
t[1.5] = 72
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {x=1, x=1, [3]=3, x=1, [10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
