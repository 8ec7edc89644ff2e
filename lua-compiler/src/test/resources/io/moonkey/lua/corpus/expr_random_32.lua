local a, b, c = -8, "4", 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((t[1] * (-1 - " 3 ")) < -(-(#s))) end))
print(pcall(function() return #s end))
print(pcall(function() return (s <= ((t[1] + b) <= ("7" <= n))) end))
print(pcall(function() return (a == ((0.5 % #t) .. ("7" or c))) end))
print(pcall(function() return ((t[1] ^ (4 or " 3 ")) % ((t[1] .. n) * " 3 ")) end))
print(pcall(function() return ("7" and (-(t[1]) ^ b)) end))
print(pcall(function() return f(((t.x / "7") + (c ^ " 3 ")), n) end))
print(pcall(function() return a end))
local acc = 0 for i = -1, 29, 2 do acc = acc + i * a end print(acc)
