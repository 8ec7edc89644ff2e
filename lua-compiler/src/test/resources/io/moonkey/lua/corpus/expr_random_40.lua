local a, b, c = -4, -3, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return " 3 " end))
print(pcall(function() return (((s < t[1]) % (s % n)) or " 3 ") end))
print(pcall(function() return (" 3 " or ((t[1] == 19) < (-1 - c))) end))
print(pcall(function() return -(((4 .. c) * a)) end))
print(pcall(function() return #s end))
print(pcall(function() return (-((t[1] and t[1])) % t[1]) end))
print(pcall(function() return ((f(-2, t.x) > not (a)) - ((a and #t) / b)) end))
print(pcall(function() return (not (#t) <= not (s)) end))
local acc = 0 for i = 2, 6, 2 do acc = acc + i * 0.5 end print(acc)
