local a, b, c = 5, 0, 0.125
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (c .. -((t.x > a))) end))
print(pcall(function() return (((n ~= 0.5) and not (b)) * #s) end))
print(pcall(function() return t[1] end))
print(pcall(function() return (((b == b) / not (s)) and not ((n + "7"))) end))
print(pcall(function() return (t.x == ((b < b) * (#t .. #s))) end))
print(pcall(function() return (16 and (t.x % not (#s))) end))
print(pcall(function() return t[1] end))
print(pcall(function() return (((#s < #t) ^ (1000.0 % b)) ^ " 3 ") end))
local acc = 0 for i = 0, 16, 3 do acc = acc + i * c end print(acc)
