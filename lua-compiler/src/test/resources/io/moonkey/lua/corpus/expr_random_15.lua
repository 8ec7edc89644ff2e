local a, b, c = 9, 2.5, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (((#t * "7") + a) % 0.5) end))
print(pcall(function() return ((c * (t[1] == " 3 ")) - -((a * s))) end))
print(pcall(function() return (f((b % "7"), (#t < " 3 ")) + t[1]) end))
print(pcall(function() return 2.25 end))
print(pcall(function() return "7" end))
print(pcall(function() return -(((a == " 3 ") > (t.x + n))) end))
print(pcall(function() return (((" 3 " == #s) > (n / 1000.0)) * ((t[1] .. a) ~= c)) end))
print(pcall(function() return (f(f(c, " 3 "), #s) and ((" 3 " .. c) and ("7" * b))) end))
local acc = 0 for i = 0, 20, 3 do acc = acc + i * c end print(acc)
