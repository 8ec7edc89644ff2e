local a, b, c = -4, 2.5, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (s > (c - (t[1] .. s))) end))
print(pcall(function() return ((b - (16 ~= t.x)) + (not (t[1]) - (s == #t))) end))
print(pcall(function() return 2.25 end))
print(pcall(function() return 16 end))
print(pcall(function() return (" 3 " + -((b + t.x))) end))
print(pcall(function() return ((t.x / t[1]) < not ((" 3 " - c))) end))
print(pcall(function() return (((#s - b) and (#s .. b)) % f((0.5 + b), (0 <= #s))) end))
print(pcall(function() return (t.x - c) end))
local acc = 0 for i = -1, 17, 2 do acc = acc + i * c end print(acc)
