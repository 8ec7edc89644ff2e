local a, b, c = -3, 2.5, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (" 3 " > ((b - t[1]) .. s)) end))
print(pcall(function() return f((" 3 " <= -(t[1])), (#s < a)) end))
print(pcall(function() return (((b or " 3 ") * (s / 1000.0)) < t.x) end))
print(pcall(function() return 11 end))
print(pcall(function() return s end))
print(pcall(function() return ((b > (#t == 2)) / (("7" - " 3 ") + (s ~= 0.5))) end))
print(pcall(function() return #t end))
print(pcall(function() return (#s % (a <= (a % t[1]))) end))
local acc = 0 for i = 0, 13, 3 do acc = acc + i * a end print(acc)
