local a, b, c = 6, 2.5, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((t[1] .. 4) .. f(" 3 ", -2)) + (n < (" 3 " > "7"))) end))
print(pcall(function() return b end))
print(pcall(function() return b end))
print(pcall(function() return (((#t or c) .. n) / (2.25 > (2.25 ^ n))) end))
print(pcall(function() return c end))
print(pcall(function() return ((#s + (#t == " 3 ")) / c) end))
print(pcall(function() return (c * ("7" + #t)) end))
print(pcall(function() return (((n .. t.x) / f("7", c)) or (f(n, t[1]) / (0.5 ^ t.x))) end))
local acc = 0 for i = -2, 14, 2 do acc = acc + i * c end print(acc)
