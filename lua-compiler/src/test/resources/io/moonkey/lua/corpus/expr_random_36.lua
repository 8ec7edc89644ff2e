local a, b, c = -7, -3, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return -(((c + " 3 ") < 1000.0)) end))
print(pcall(function() return #s end))
print(pcall(function() return (not ((c > 15)) ^ #t) end))
print(pcall(function() return (#s ~= (-(-1.5) ^ (n * "7"))) end))
print(pcall(function() return "7" end))
print(pcall(function() return 1000.0 end))
print(pcall(function() return (not ((c > c)) % s) end))
print(pcall(function() return f(2.25, 5) end))
local acc = 0 for i = -2, 6, 2 do acc = acc + i * 0.5 end print(acc)
