local t = {}
t[27] = 72
t[15] = nil
t["gamma"] = 36
t[true] = 70
t[27] = nil
t[37] = 49
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {"s", x=1, [3]=3, x=1, [10]=1, x=1, x=1, "s", x=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
