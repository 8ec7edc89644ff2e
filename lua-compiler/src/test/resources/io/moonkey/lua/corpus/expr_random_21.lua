local a, b, c = 0, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (n / (#t and not (" 3 "))) end))
print(pcall(function() return t[1] end))
print(pcall(function() return (((6 > c) + f(t.x, " 3 ")) / (2.25 < (0.5 - b))) end))
print(pcall(function() return (((2.25 / " 3 ") or (s == t[1])) ^ ((" 3 " == c) % (n .. c))) end))
print(pcall(function() return s end))
print(pcall(function() return " 3 " end))
print(pcall(function() return "7" end))
print(pcall(function() return ((a == (s or s)) > (not (t[1]) ^ (n ^ b))) end))
local acc = 0 for i = 3, 6, 3 do acc = acc + i * c end print(acc)
