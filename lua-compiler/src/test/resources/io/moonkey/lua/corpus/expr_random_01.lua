local a, b, c = -6, -3, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((b .. " 3 ") % (b + s)) * ((s % "7") - (n * 0.5))) end))
print(pcall(function() return (s % ((n / n) == (n and #t))) end))
print(pcall(function() return #s end))
print(pcall(function() return (b + (f(#s, n) ^ t.x)) end))
print(pcall(function() return #s end))
print(pcall(function() return (((t[1] and a) * not (s)) or not (-(a))) end))
print(pcall(function() return not (((t[1] ^ t[1]) + (s > t.x))) end))
print(pcall(function() return 0.5 end))
local acc = 0 for i = -3, 14, 3 do acc = acc + i * 0.5 end print(acc)
