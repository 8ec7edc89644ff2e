local a, b, c = -6, "4", 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((n ^ f("7", c)) * c) end))
print(pcall(function() return t[1] end))
print(pcall(function() return (((" 3 " .. " 3 ") - (t.x > n)) % (t.x ^ (n ^ 0))) end))
print(pcall(function() return not ((c - a)) end))
print(pcall(function() return s end))
print(pcall(function() return (-(-(c)) > (n ^ c)) end))
print(pcall(function() return "7" end))
print(pcall(function() return -((f(3, c) < "7")) end))
local acc = 0 for i = -2, 9, 1 do acc = acc + i * c end print(acc)
