local a, b, c = -5, -3, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return " 3 " end))
print(pcall(function() return (" 3 " + ((t[1] and a) + t[1])) end))
print(pcall(function() return ((c ^ (#s > -3)) + (n * -(a))) end))
print(pcall(function() return not (5) end))
print(pcall(function() return " 3 " end))
print(pcall(function() return (((#t < a) ~= (-1.5 or #t)) and ((#s and t[1]) <= b)) end))
print(pcall(function() return b end))
print(pcall(function() return t.x end))
local acc = 0 for i = 0, 18, 2 do acc = acc + i * 0.5 end print(acc)
