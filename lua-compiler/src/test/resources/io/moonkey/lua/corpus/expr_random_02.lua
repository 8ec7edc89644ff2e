local a, b, c = -7, 2.5, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((#t % n) > (a * #s)) / (not (0.5) * -1)) end))
print(pcall(function() return s end))
print(pcall(function() return 14 end))
print(pcall(function() return #t end))
print(pcall(function() return (((t[1] == #s) > (t.x ^ t[1])) == ((c + #s) or -4)) end))
print(pcall(function() return " 3 " end))
print(pcall(function() return a end))
print(pcall(function() return " 3 " end))
local acc = 0 for i = -1, 22, 1 do acc = acc + i * a end print(acc)
