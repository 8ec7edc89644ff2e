local t = {}
t[1.5] = 19
t[40] = 38
t["k96"] = 7
t[25] = 53
t[6] = nil
t[24] = 65
t[10] = 56
t["k18"] = nil
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {nil, [10]=1, "s", "s", nil, "s", 1, 1, [3]=3, x=1, 1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
