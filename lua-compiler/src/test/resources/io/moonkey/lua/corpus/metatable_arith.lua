local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({v = a.v + b.v}, V) end
V.__sub = function(a, b) return setmetatable({v = a.v - b.v}, V) end
V.__mul = function(a, b) if type(b) == "number" then return setmetatable({v = a.v * b}, V) end return setmetatable({v = a * b.v}, V) end
V.__unm = function(a) return setmetatable({v = -a.v}, V) end
V.__div = function(a, b) return "div" end
V.__mod = function(a, b) return "mod" end
V.__pow = function(a, b) return "pow" end
V.__concat = function(a, b) return "cat" end
V.__len = function(a) return 99 end
local a, b = setmetatable({v = 3}, V), setmetatable({v = 4}, V)
print((a + b).v, (a - b).v, (a * 2).v, (2 * a).v, (-a).v, a / b, a % b, a ^ b, a .. "x", "x" .. a, #a)
