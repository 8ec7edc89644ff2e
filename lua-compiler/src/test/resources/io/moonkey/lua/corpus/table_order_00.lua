local t = {}
t[8] = 31
t[true] = 68
t[27] = 94
t[8] = nil
t[22] = 67
t[15] = 57
t["b"] = 37
t["a"] = 41
t[2] = 41
t[false] = 23
t[27] = 58
t[0] = 67
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
