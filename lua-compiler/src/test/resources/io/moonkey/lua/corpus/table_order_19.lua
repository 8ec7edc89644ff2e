local t = {}
t[6] = nil
t["delta"] = 23
t[14] = 22
t[31] = 76
t[100] = 84
t[3] = 50
t[17] = 46
t[3] = 46
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {nil, [10]=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
