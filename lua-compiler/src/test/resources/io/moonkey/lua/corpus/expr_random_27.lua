local a, b, c = -1, 0, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return f(((a ~= a) < #s), -(#s)) end))
print(pcall(function() return n end))
print(pcall(function() return not (#t) end))
print(pcall(function() return (c ~= (b ^ (t[1] .. s))) end))
print(pcall(function() return not ((-(" 3 ") ~= (s / b))) end))
print(pcall(function() return (" 3 " % (t[1] / 0.5)) end))
print(pcall(function() return (s - (not (t.x) <= (#t .. "7"))) end))
print(pcall(function() return (((" 3 " or c) <= n) == ((b / a) .. "7")) end))
local acc = 0 for i = 1, 28, 3 do acc = acc + i * a end print(acc)
