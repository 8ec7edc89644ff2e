local a, b, c = 5, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((" 3 " % #t) + 0.5) <= 9) end))
print(pcall(function() return -(((t.x and 1000.0) < a)) end))
print(pcall(function() return (not (not (t.x)) and "7") end))
print(pcall(function() return -1.5 end))
print(pcall(function() return 0.5 end))
print(pcall(function() return " 3 " end))
print(pcall(function() return (t[1] <= -((n ~= #s))) end))
print(pcall(function() return " 3 " end))
local acc = 0 for i = 0, 9, 1 do acc = acc + i * c end print(acc)
