local t = {}
t["x1"] = 41
t[10000000000.0] = nil
t[8] = 58
t["beta"] = 99
t["x2"] = 67
t[24] = 99
t[26] = 23
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {x=1, 1, "s", [3]=3, "s", [10]=1, [3]=3, nil, 1, [10]=1, "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
