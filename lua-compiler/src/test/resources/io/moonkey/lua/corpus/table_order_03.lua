local t = {}
t[100] = 7
t[false] = 56
t[19] = 88
t[100] = 64
t[17] = 26
t[35] = nil
t[39] = 77
t[100] = 13
t[false] = 44
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
