local a, b, c = -4, 0, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return -((t.x - "7")) end))
print(pcall(function() return b end))
print(pcall(function() return not (c) end))
print(pcall(function() return (" 3 " ^ (f(b, 1000.0) .. (a .. a))) end))
print(pcall(function() return f((-(" 3 ") - -(c)), t[1]) end))
print(pcall(function() return (#t * s) end))
print(pcall(function() return (20 < -((n / #s))) end))
print(pcall(function() return (n ~= a) end))
local acc = 0 for i = 1, 16, 3 do acc = acc + i * a end print(acc)
