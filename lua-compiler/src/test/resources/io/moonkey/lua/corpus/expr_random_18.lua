local a, b, c = -4, 0, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((("7" > s) - s) / ((c == #s) % (c / " 3 "))) end))
print(pcall(function() return n end))
print(pcall(function() return " 3 " end))
print(pcall(function() return (((t[1] <= a) - (#t * s)) - (c ^ (#t ~= 2.25))) end))
print(pcall(function() return (#t * (not ("7") * s)) end))
print(pcall(function() return f(((b and b) <= f(c, #t)), 5) end))
print(pcall(function() return ((not (-3) + (#s == s)) - #s) end))
print(pcall(function() return (-(not (a)) + ((a + "7") ^ (#t == a))) end))
local acc = 0 for i = 3, 9, 3 do acc = acc + i * c end print(acc)
