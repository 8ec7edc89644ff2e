local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v) log[#log+1] = k; rawset(t, k, v * 2) end})
t.a = 1; t.b = 2; t.a = 5
print(t.a, t.b, #log)
local store = {}
local p = setmetatable({}, {__newindex = store})
p.x = 1
print(rawget(p, "x"), store.x)
