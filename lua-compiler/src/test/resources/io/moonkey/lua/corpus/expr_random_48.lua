local a, b, c = 1, -3, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return s end))
print(pcall(function() return (((n - t[1]) ^ (#s .. #s)) > 1000.0) end))
print(pcall(function() return (n == (n / (#s ^ t.x))) end))
print(pcall(function() return (-((1000.0 ~= n)) - (t.x == (t[1] ~= s))) end))
print(pcall(function() return (((b and c) <= " 3 ") == n) end))
print(pcall(function() return (not (f(#s, t[1])) * (-1.5 and (t[1] or #t))) end))
print(pcall(function() return (((t.x / 19) * -(t[1])) < (s > (t.x + s))) end))
print(pcall(function() return (n or ((b == n) and c)) end))
local acc = 0 for i = -3, 22, 1 do acc = acc + i * 0.5 end print(acc)
