local mt = {}
mt.__eq = function(a, b) return a.k == b.k end
mt.__lt = function(a, b) return a.k < b.k end
mt.__le = function(a, b) return a.k <= b.k end
local x, y, z = setmetatable({k = 1}, mt), setmetatable({k = 2}, mt), setmetatable({k = 1}, mt)
print(x == z, x ~= y, x < y, y <= x, x > y, x >= z)
local other = setmetatable({k = 1}, {__eq = function() return true end})
print(x == other)
local only_lt = {__lt = function(a, b) return a.k < b.k end}
local p, q = setmetatable({k = 1}, only_lt), setmetatable({k = 2}, only_lt)
print(p <= q, q <= p)
print(pcall(function() return {} < {} end))
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} <= 1 end))
