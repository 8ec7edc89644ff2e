local a, b, c = 7, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((a > not (-1.5)) and (#s * (t.x <= t[1]))) end))
print(pcall(function() return ("7" and t[1]) end))
print(pcall(function() return #t end))
print(pcall(function() return " 3 " end))
print(pcall(function() return (((b or n) ~= 1000.0) <= ((#s == #s) .. (#s + 0.5))) end))
print(pcall(function() return (((a ~= 1000.0) > (b <= t.x)) > ((n < t[1]) + -(t.x))) end))
print(pcall(function() return -(((a > " 3 ") + (" 3 " - t.x))) end))
print(pcall(function() return 11 end))
local acc = 0 for i = -2, 30, 2 do acc = acc + i * a end print(acc)
