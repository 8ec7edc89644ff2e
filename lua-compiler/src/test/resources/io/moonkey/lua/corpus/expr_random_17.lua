local a, b, c = 0, 2.5, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((-1.5 * (b <= "7")) > ((2.25 < 2.25) ^ (2.25 / t[1]))) end))
print(pcall(function() return ((not (t.x) * (" 3 " and c)) - ((#s ~= "7") * f(2.25, n))) end))
print(pcall(function() return #t end))
print(pcall(function() return (-((" 3 " % "7")) or not (c)) end))
print(pcall(function() return 18 end))
print(pcall(function() return -(#t) end))
print(pcall(function() return f(((c and #s) / n), n) end))
print(pcall(function() return ("7" and not ((a <= a))) end))
local acc = 0 for i = 2, 6, 1 do acc = acc + i * 0.5 end print(acc)
