local t = {}
t[7] = 83
t["beta"] = nil
t[29] = 54
t[true] = 6
t[6] = nil
t["delta"] = 31
t[1099511627776] = 20
t[2] = 96
t[30] = 73
t[3] = 98
t["a"] = 98
t[38] = 88
t[1099511627776] = 34
t[26] = 23
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[3]=3, 1, [10]=1, [3]=3, 1, [10]=1, [10]=1, x=1, "s"}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
