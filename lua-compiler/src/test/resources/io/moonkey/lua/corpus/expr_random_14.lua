local a, b, c = -5, 2.5, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((#t / (t[1] or -3)) and t.x) end))
print(pcall(function() return "7" end))
print(pcall(function() return n end))
print(pcall(function() return (not ((t[1] <= "7")) or (f("7", s) / #s)) end))
print(pcall(function() return (-(not (a)) ^ -((#s or -5))) end))
print(pcall(function() return (((t[1] ^ #s) > (c .. #s)) or ((c + b) < (s > b))) end))
print(pcall(function() return c end))
print(pcall(function() return not (((1 < "7") / s)) end))
local acc = 0 for i = 2, 22, 2 do acc = acc + i * c end print(acc)
