local a, b, c = 5, 2.5, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return s end))
print(pcall(function() return 2.25 end))
print(pcall(function() return #s end))
print(pcall(function() return not ((not (s) .. t.x)) end))
print(pcall(function() return s end))
print(pcall(function() return (((" 3 " + " 3 ") ~= (1000.0 + 20)) + not ((b > #t))) end))
print(pcall(function() return (((s <= 8) / (#s + " 3 ")) or f((n == " 3 "), (-1.5 and #s))) end))
print(pcall(function() return ((n + s) > ((a > 0.5) and not (t[1]))) end))
local acc = 0 for i = 1, 23, 2 do acc = acc + i * a end print(acc)
