local t = {}
t[true] = 46
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(#t, table.concat(out, " "))
local c = {1, "s", 1, nil, x=1, "s", 1, [10]=1, "s", [10]=1, 1}
local o2 = {} for k, v in pairs(c) do o2[#o2 + 1] = tostring(k) end print(#c, table.concat(o2, ","))
