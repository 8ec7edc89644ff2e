local a, b, c = 9, "4", 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((c + #s) * ("7" * t[1])) == c) end))
print(pcall(function() return t.x end))
print(pcall(function() return (-((a .. t.x)) - t.x) end))
print(pcall(function() return f(#s, ((t.x + a) % a)) end))
print(pcall(function() return ((("7" and s) <= (a * #t)) and #t) end))
print(pcall(function() return a end))
print(pcall(function() return ((t.x * (#t / b)) + -((n .. a))) end))
print(pcall(function() return (((#t + -1.5) - (b <= "7")) <= 19) end))
local acc = 0 for i = 0, 6, 1 do acc = acc + i * a end print(acc)
