local a, b, c = 8, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (not ((n + t.x)) ~= not ((#t <= a))) end))
print(pcall(function() return (#t * (#t / (20 % s))) end))
print(pcall(function() return (not ((#s ~= n)) + (-(7) or " 3 ")) end))
print(pcall(function() return (f(f(t[1], c), 1) and "7") end))
print(pcall(function() return b end))
print(pcall(function() return ((not (n) / (#t and s)) ~= s) end))
print(pcall(function() return ((10 .. (" 3 " .. c)) ~= (-(13) / (0.5 ^ t[1]))) end))
print(pcall(function() return t[1] end))
local acc = 0 for i = 3, 13, 1 do acc = acc + i * a end print(acc)
