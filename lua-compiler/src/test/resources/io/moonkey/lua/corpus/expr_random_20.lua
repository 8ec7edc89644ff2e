local a, b, c = -4, 2.5, 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return t.x end))
print(pcall(function() return "7" end))
print(pcall(function() return (t[1] < ((n / " 3 ") > (#s .. n))) end))
print(pcall(function() return ((18 * (t.x > 2.25)) == #t) end))
print(pcall(function() return ((c > " 3 ") ^ ((#t .. " 3 ") % (#t <= #t))) end))
print(pcall(function() return (("7" ~= b) + (f(a, c) * f(#s, s))) end))
print(pcall(function() return s end))
print(pcall(function() return (((n > a) .. (14 ~= " 3 ")) % " 3 ") end))
local acc = 0 for i = 2, 7, 1 do acc = acc + i * 0.5 end print(acc)
