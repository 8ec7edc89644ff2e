local a, b, c = 6, "4", 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (4 + -(-(" 3 "))) end))
print(pcall(function() return (-((s / "7")) * -((-1.5 - t.x))) end))
print(pcall(function() return (19 and t.x) end))
print(pcall(function() return -(((18 < t.x) < (b > 1000.0))) end))
print(pcall(function() return #s end))
print(pcall(function() return not (b) end))
print(pcall(function() return (c ^ c) end))
print(pcall(function() return b end))
local acc = 0 for i = 1, 13, 2 do acc = acc + i * a end print(acc)
