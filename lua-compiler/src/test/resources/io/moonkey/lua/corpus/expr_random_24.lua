local a, b, c = -7, -3, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return t.x end))
print(pcall(function() return (#t > ((#s * " 3 ") <= f(-5, s))) end))
print(pcall(function() return f(((#t ~= " 3 ") <= -1.5), not (f("7", a))) end))
print(pcall(function() return not (((a < t.x) <= (c ^ 12))) end))
print(pcall(function() return a end))
print(pcall(function() return (n > ((#t <= #s) ~= (2.25 <= "7"))) end))
print(pcall(function() return ((t[1] * (s - "7")) .. ((c or 16) > ("7" and t[1]))) end))
print(pcall(function() return (f("7", 1000.0) and -(("7" and 2.25))) end))
local acc = 0 for i = -1, 11, 3 do acc = acc + i * c end print(acc)
