local t = {}
t[false] = 48
t[39] = 21
t["beta"] = 57
t["key"] = 43
t[1] = 37
t["beta"] = nil
t[31] = 39
t[-1] = nil
t["x2"] = 75
t["gamma"] = 11
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {[10]=1, nil, x=1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
