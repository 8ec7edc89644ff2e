local a, b, c = 0, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return 0.5 end))
print(pcall(function() return (((#t or 1000.0) ~= f(t[1], t.x)) > (f(s, t[1]) / (b ~= "7"))) end))
print(pcall(function() return n end))
print(pcall(function() return ((f(#s, c) <= (#t and t[1])) ~= ((t.x * c) ^ (#t <= t.x))) end))
print(pcall(function() return (c - ((c ^ b) - f(b, #s))) end))
print(pcall(function() return " 3 " end))
print(pcall(function() return c end))
print(pcall(function() return f(t.x, (t[1] + (t.x + s))) end))
local acc = 0 for i = 1, 28, 1 do acc = acc + i * a end print(acc)
