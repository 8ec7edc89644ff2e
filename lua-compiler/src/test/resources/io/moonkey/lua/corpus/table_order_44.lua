local t = {}
t[5] = 40
t[40] = 60
t[5] = 61
t[4] = 98
t[3] = nil
t["c"] = 9
t[7] = nil
t[3] = 66
t[true] = 29
t[7] = 11
t["c"] = 94
t[4] = 64
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {"s", nil}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
