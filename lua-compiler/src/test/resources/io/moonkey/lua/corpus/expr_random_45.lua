local a, b, c = -9, "4", 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return a end))
print(pcall(function() return (((t.x < n) <= -(t[1])) / (f(s, a) or -(2.25))) end))
print(pcall(function() return (((#t * n) - n) ~= ((c <= t[1]) ^ (" 3 " <= a))) end))
print(pcall(function() return ((a and t.x) == (c and 15)) end))
print(pcall(function() return f(#s, " 3 ") end))
print(pcall(function() return c end))
print(pcall(function() return ((("7" ^ 20) ^ (t.x and 19)) or ((n + t[1]) % f(#t, 0.5))) end))
print(pcall(function() return 0.5 end))
local acc = 0 for i = 2, 30, 2 do acc = acc + i * a end print(acc)
