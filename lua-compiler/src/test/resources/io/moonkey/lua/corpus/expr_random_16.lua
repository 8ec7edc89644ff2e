local a, b, c = -5, -3, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return f((" 3 " + (s / c)), (("7" == "7") and (#s > c))) end))
print(pcall(function() return f(((1 ~= c) == -(a)), -((#s % t[1]))) end))
print(pcall(function() return (#t < 18) end))
print(pcall(function() return (((0.5 % t.x) < n) .. (f(t.x, n) == (6 > " 3 "))) end))
print(pcall(function() return (not ((n / " 3 ")) / n) end))
print(pcall(function() return ((-(c) / (2.25 > c)) == -((1000.0 > #t))) end))
print(pcall(function() return (f((1000.0 ~= #t), (-1.5 == t.x)) + (n * c)) end))
print(pcall(function() return (t[1] - not (c)) end))
local acc = 0 for i = 1, 16, 2 do acc = acc + i * a end print(acc)
