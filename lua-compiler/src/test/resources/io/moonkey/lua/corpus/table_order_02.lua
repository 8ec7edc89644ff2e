local t = {}
t[7] = 52
t[2] = nil
t[1] = 10
t[0] = nil
t[18] = 78
t["b"] = 53
t["beta"] = 37
t["b"] = 93
t[6] = 74
t[33] = 54
t[4] = 98
t[2] = 8
t[6] = 84
t[5] = 48
t[6] = nil
t[11] = 57
t["x1"] = nil
t[4] = 94
t[0] = 47
t[-0.5] = nil
t[19] = 48
t[25] = 80
t[1] = 18
t[0] = 90
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, x=1, nil, nil, nil, "s", nil, nil, 1, nil, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
