local a, b, c = -7, 0, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((-(0.5) > #t) and -1.5) end))
print(pcall(function() return n end))
print(pcall(function() return t[1] end))
print(pcall(function() return -(s) end))
print(pcall(function() return c end))
print(pcall(function() return not (("7" or b)) end))
print(pcall(function() return 10 end))
print(pcall(function() return (#s ^ n) end))
local acc = 0 for i = 1, 5, 2 do acc = acc + i * c end print(acc)
