local a, b, c = 8, -3, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((a == -1.5) <= (c % n)) * -1.5) end))
print(pcall(function() return #s end))
print(pcall(function() return f(f("7", (#t * 2.25)), ((14 > a) and f(s, " 3 "))) end))
print(pcall(function() return 5 end))
print(pcall(function() return (#s or -1.5) end))
print(pcall(function() return ((" 3 " - not (1000.0)) and ((c == #s) > n)) end))
print(pcall(function() return (((#s and " 3 ") or not (c)) ^ (#s * (16 % 14))) end))
print(pcall(function() return b end))
local acc = 0 for i = 1, 9, 3 do acc = acc + i * a end print(acc)
