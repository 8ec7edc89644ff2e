local a, b, c = -6, "4", 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return -(((c <= 1000.0) % (b and t[1]))) end))
print(pcall(function() return (((a + #s) .. s) ~= ((a / a) - -4)) end))
print(pcall(function() return t[1] end))
print(pcall(function() return -(((n % c) - f(b, " 3 "))) end))
print(pcall(function() return (-((b % #s)) * (-(1000.0) - (n ^ t[1]))) end))
print(pcall(function() return (((a - 1000.0) or #t) % " 3 ") end))
print(pcall(function() return (c ^ not ((#t / "7"))) end))
print(pcall(function() return f(((#s == n) and t[1]), (-(a) < (t.x <= 1000.0))) end))
local acc = 0 for i = 1, 29, 2 do acc = acc + i * 0.5 end print(acc)
