local a, b, c = -1, 0, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((t.x % b) ^ s) > " 3 ") end))
print(pcall(function() return (t.x and ((b < t[1]) - f(15, "7"))) end))
print(pcall(function() return "7" end))
print(pcall(function() return (-4 and (s == 10)) end))
print(pcall(function() return (not (not (t[1])) / ((-1.5 .. t.x) + (b < " 3 "))) end))
print(pcall(function() return ((2.25 / t.x) or (2.25 * b)) end))
print(pcall(function() return s end))
print(pcall(function() return t.x end))
local acc = 0 for i = -2, 6, 1 do acc = acc + i * a end print(acc)
