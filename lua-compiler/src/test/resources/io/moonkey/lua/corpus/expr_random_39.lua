local a, b, c = 4, 2.5, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((#s == f(-5, " 3 ")) ~= -(not ("7"))) end))
print(pcall(function() return s end))
print(pcall(function() return (-(c) or (11 ^ (b ^ b))) end))
print(pcall(function() return (not ("7") and (a <= f(#t, n))) end))
print(pcall(function() return ("7" or ((t[1] + #t) < ("7" == "7"))) end))
print(pcall(function() return f(not ((#t > a)), ((#s ~= "7") ~= (c ^ c))) end))
print(pcall(function() return -4 end))
print(pcall(function() return b end))
local acc = 0 for i = 2, 7, 1 do acc = acc + i * a end print(acc)
