local t = {}
t[32] = nil
t[9] = 16
t[38] = 68
t["b"] = 34
t[36] = 67
t[13] = 92
t[37] = 12
t[31] = 85
t["delta"] = 32
t[false] = 78
t[7] = 38
t[3] = 34
t[-0.5] = 45
t["gamma"] = nil
t["alpha"] = 22
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {nil, [3]=3, [3]=3, x=1, 1, "s", "s", "s", [3]=3, nil, [10]=1, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
