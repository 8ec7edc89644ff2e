local t = {}
t[-0.5] = 95
t[4] = 16
t[true] = 50
t[1099511627776] = nil
t[18] = 1
t[11] = 14
t[1] = 70
t[3] = 33
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, x=1, "s", [3]=3, [3]=3, [10]=1, [3]=3}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
