local a, b, c = 5, -3, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return -((t.x or "7")) end))
print(pcall(function() return (f(t.x, -1.5) <= ((#t == 0.5) > c)) end))
print(pcall(function() return ((f(c, 2) / (t.x and #t)) == (#t .. (t.x < t.x))) end))
print(pcall(function() return (((t[1] ~= t[1]) .. t.x) or #t) end))
print(pcall(function() return (" 3 " < -((2.25 <= #s))) end))
print(pcall(function() return (18 <= b) end))
print(pcall(function() return f(f((#t or 0.5), t[1]), (t[1] + (0.5 ~= " 3 "))) end))
print(pcall(function() return (((1000.0 + c) .. (t[1] and 0.5)) and #t) end))
local acc = 0 for i = 0, 16, 3 do acc = acc + i * 0.5 end print(acc)
