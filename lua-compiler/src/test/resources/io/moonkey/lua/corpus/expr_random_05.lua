local a, b, c = 5, 0, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return -(" 3 ") end))
print(pcall(function() return f(b, (#t + (s - "7"))) end))
print(pcall(function() return "7" end))
print(pcall(function() return -((#t * (-4 or "7"))) end))
print(pcall(function() return f(not ((s ^ a)), f((14 == n), f("7", -1.5))) end))
print(pcall(function() return (not (s) .. (#t or ("7" > s))) end))
print(pcall(function() return a end))
print(pcall(function() return (#t < n) end))
local acc = 0 for i = -3, 23, 2 do acc = acc + i * 0.5 end print(acc)
