local a, b, c = 7, -3, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (f(#t, b) > ((2.25 - a) < (t[1] % 20))) end))
print(pcall(function() return (((b - b) + #s) > ((t[1] or #t) == (" 3 " / b))) end))
print(pcall(function() return (((n / a) - ("7" % 17)) % ((t[1] and " 3 ") or (n or n))) end))
print(pcall(function() return ((("7" < t[1]) or (" 3 " % a)) % a) end))
print(pcall(function() return (a % -((t[1] ~= t.x))) end))
print(pcall(function() return (-((" 3 " ~= #s)) == #t) end))
print(pcall(function() return (((a <= t.x) ~= "7") + n) end))
print(pcall(function() return ((8 and #s) or (n / t[1])) end))
local acc = 0 for i = 1, 16, 3 do acc = acc + i * c end print(acc)
