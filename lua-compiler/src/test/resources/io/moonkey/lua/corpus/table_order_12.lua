local t = {}
t[37] = 53
t[34] = 37
t[-0.5] = 39
t["alpha"] = 46
t[38] = 95
t[10000000000.0] = 74
t[false] = 7
t[3] = 28
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
