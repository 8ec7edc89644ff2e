local a, b, c = -6, -3, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((" 3 " == #s) ~= f(" 3 ", "7")) and ((#s < " 3 ") <= s)) end))
print(pcall(function() return (not (f(a, a)) < -((s == c))) end))
print(pcall(function() return s end))
print(pcall(function() return (#t == ((1000.0 % 2.25) <= " 3 ")) end))
print(pcall(function() return (4 > (("7" - b) < t.x)) end))
print(pcall(function() return f((-(s) or (s > "7")), ((t.x .. 0.5) .. t.x)) end))
print(pcall(function() return n end))
print(pcall(function() return -(b) end))
local acc = 0 for i = -3, 29, 2 do acc = acc + i * c end print(acc)
