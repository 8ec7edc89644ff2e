local t = {}
t[19] = 25
t[false] = 95
t[1.5] = 80
t[19] = 43
t[6] = 27
t[6] = 77
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1, nil, x=1, [3]=3, "s", x=1, nil, "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
