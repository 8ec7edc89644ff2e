local a, b, c = -2, 2.5, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (("7" == (t.x == t[1])) ^ 2.25) end))
print(pcall(function() return t[1] end))
print(pcall(function() return 12 end))
print(pcall(function() return (" 3 " ~= ((" 3 " and c) - (s <= #s))) end))
print(pcall(function() return not (((15 > " 3 ") <= 7)) end))
print(pcall(function() return not (s) end))
print(pcall(function() return ((("7" < 19) * f(a, 1000.0)) < (("7" % n) .. (c .. "7"))) end))
print(pcall(function() return -1.5 end))
local acc = 0 for i = -3, 12, 3 do acc = acc + i * a end print(acc)
