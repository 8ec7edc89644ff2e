local a, b, c = 0, 0, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return #t end))
print(pcall(function() return (f((c ^ c), (t[1] <= b)) * #s) end))
print(pcall(function() return f(t[1], (-(b) ^ t.x)) end))
print(pcall(function() return not ((t.x / -(t[1]))) end))
print(pcall(function() return "7" end))
print(pcall(function() return t[1] end))
print(pcall(function() return f(((n <= t[1]) == ("7" < " 3 ")), s) end))
print(pcall(function() return (f((#s or #s), (t[1] <= " 3 ")) / (("7" > s) / (b < b))) end))
local acc = 0 for i = 0, 24, 3 do acc = acc + i * c end print(acc)
