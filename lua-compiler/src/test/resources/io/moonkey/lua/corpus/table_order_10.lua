local t = {}
t["x1"] = 72
t[38] = 63
t[false] = 80
t["gamma"] = nil
t["c"] = 48
t["key"] = 25
t[7] = 56
t[21] = 9
t[14] = nil
t[true] = 55
t[true] = 98
t[26] = 88
t[true] = 13
t[16] = nil
t[true] = 91
t["c"] = 43
t[true] = 18
t[false] = nil
t["gamma"] = 60
t["gamma"] = 50
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, [3]=3, "s", [3]=3, x=1, nil, "s", "s", "s", "s", "s", "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
