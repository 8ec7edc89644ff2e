local t = {}
t[13] = 30
t[27] = 14
t[true] = 33
t[11] = 98
t["b"] = 95
t["a"] = 37
t[14] = nil
t["x1"] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, "s", 1, [3]=3, x=1, x=1, [3]=3, [10]=1, "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
