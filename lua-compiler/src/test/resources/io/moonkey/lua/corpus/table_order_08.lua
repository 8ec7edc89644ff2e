local t = {}
t["key"] = 30
t[25] = 11
t[37] = 57
t[4] = 37
t[true] = 84
t[9] = 2
t[6] = 72
t[21] = 53
t[0] = nil
t[4] = 20
t[31] = 73
t[5] = 97
t["x2"] = nil
t[8] = 55
t[29] = 40
t[2] = 11
t[true] = 21
t[10] = 9
t[24] = 1
t[11] = 40
t["delta"] = 50
t[28] = 57
t[28] = 15
t[37] = 33
t["delta"] = 4
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1, "s", x=1, nil, nil, [3]=3, nil, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
