local a, b, c = 7, -3, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return 0.5 end))
print(pcall(function() return (#t == 2) end))
print(pcall(function() return ((" 3 " - 17) < not ((0.5 - 9))) end))
print(pcall(function() return c end))
print(pcall(function() return t[1] end))
print(pcall(function() return "7" end))
print(pcall(function() return (f(t[1], b) .. ((s ^ n) < t.x)) end))
print(pcall(function() return (b % -((#s % " 3 "))) end))
local acc = 0 for i = 1, 18, 2 do acc = acc + i * 0.5 end print(acc)
