local a, b, c = 5, "4", 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ("7" and ((-3 == b) and (#s * t[1]))) end))
print(pcall(function() return ((("7" or t[1]) ^ (b * 17)) - f((" 3 " % " 3 "), "7")) end))
print(pcall(function() return (#s > ((1000.0 < n) < (18 / t[1]))) end))
print(pcall(function() return ((f(20, a) ~= (s .. " 3 ")) > (("7" + 1000.0) or (b + b))) end))
print(pcall(function() return (c or "7") end))
print(pcall(function() return (not (s) < "7") end))
print(pcall(function() return #t end))
print(pcall(function() return "7" end))
local acc = 0 for i = -3, 10, 3 do acc = acc + i * c end print(acc)
