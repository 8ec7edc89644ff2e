local a, b, c = -2, "4", 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return t[1] end))
print(pcall(function() return s end))
print(pcall(function() return (((9 .. #t) .. (t[1] or -4)) / ((" 3 " > c) ^ f(" 3 ", b))) end))
print(pcall(function() return ((c or (c * n)) or (not (c) * f(t[1], c))) end))
print(pcall(function() return #t end))
print(pcall(function() return (f(b, (c % n)) .. ((a .. " 3 ") or c)) end))
print(pcall(function() return (((b * s) ^ (s / s)) < s) end))
print(pcall(function() return (#t * ((2.25 < t[1]) or (#t <= #t))) end))
local acc = 0 for i = 2, 9, 1 do acc = acc + i * 0.5 end print(acc)
