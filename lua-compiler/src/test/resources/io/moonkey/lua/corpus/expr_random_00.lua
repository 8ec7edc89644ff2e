local a, b, c = 6, "4", 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((" 3 " ^ #t) % (2.25 == t[1])) / ((2.25 ^ #s) - #s)) end))
print(pcall(function() return ((not (n) > (0 ^ b)) and -(f(t.x, t[1]))) end))
print(pcall(function() return (" 3 " / #s) end))
print(pcall(function() return (not (f(s, " 3 ")) < c) end))
print(pcall(function() return #s end))
print(pcall(function() return (" 3 " < -(t.x)) end))
print(pcall(function() return c end))
print(pcall(function() return (((-1.5 or "7") and f(t[1], " 3 ")) % not (t[1])) end))
local acc = 0 for i = 2, 10, 1 do acc = acc + i * 0.5 end print(acc)
