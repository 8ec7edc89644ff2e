local t = {}
t[1099511627776] = 62
t["c"] = 22
t["delta"] = 83
t[5] = nil
t[3] = 60
t[8] = 84
t["x2"] = 43
t[7] = 64
t[3] = nil
t[18] = nil
t[29] = 69
t["c"] = 41
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1, x=1, nil, x=1, [3]=3, [3]=3, nil, "s", "s", [3]=3, 1, x=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
