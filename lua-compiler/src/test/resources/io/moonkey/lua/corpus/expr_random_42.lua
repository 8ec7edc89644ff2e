local a, b, c = 1, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return f(((#s - t[1]) - 1000.0), ((n - "7") ~= -(s))) end))
print(pcall(function() return " 3 " end))
print(pcall(function() return -(f(s, f(n, #t))) end))
print(pcall(function() return (((n / 6) <= (a % a)) and (b > #t)) end))
print(pcall(function() return (c and (n > -(0.5))) end))
print(pcall(function() return (a ~= 16) end))
print(pcall(function() return not (19) end))
print(pcall(function() return #t end))
local acc = 0 for i = -2, 8, 1 do acc = acc + i * 0.5 end print(acc)
