local a, b, c = 2, 0, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (f(("7" and b), (c - s)) <= ((s .. "7") .. n)) end))
print(pcall(function() return (((t[1] - "7") * " 3 ") or t.x) end))
print(pcall(function() return (((a ^ a) == (t[1] * 20)) == not (("7" + "7"))) end))
print(pcall(function() return (f(not (c), #s) .. ((b ^ a) % (t[1] * b))) end))
print(pcall(function() return " 3 " end))
print(pcall(function() return (((-3 or "7") == c) / ((2.25 or s) and ("7" + s))) end))
print(pcall(function() return n end))
print(pcall(function() return t.x end))
local acc = 0 for i = 3, 11, 3 do acc = acc + i * a end print(acc)
