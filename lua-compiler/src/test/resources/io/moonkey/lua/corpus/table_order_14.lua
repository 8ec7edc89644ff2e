local t = {}
t[25] = 45
t[4] = 18
t[100] = 2
t[6] = 94
t[22] = 66
t[-1] = 52
t["b"] = 85
t["beta"] = 54
t[39] = 40
t[10] = nil
t["c"] = 92
t[3] = 77
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, nil, nil, 1, "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
