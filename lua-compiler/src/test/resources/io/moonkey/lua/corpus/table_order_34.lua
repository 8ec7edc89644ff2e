local t = {}
t["delta"] = 67
t[true] = 6
t[33] = 92
t[25] = 81
t[25] = 96
t[13] = 68
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, nil, nil}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
