local a, b, c = 3, 2.5, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return ((not ("7") % (t[1] <= #t)) % -(20)) end))
print(pcall(function() return not (((t[1] .. 2.25) % t.x)) end))
print(pcall(function() return (-1.5 + (#s < -(#t))) end))
print(pcall(function() return f((f(0.5, -1.5) and (#s and " 3 ")), (t[1] == (" 3 " + #t))) end))
print(pcall(function() return (((" 3 " == " 3 ") == ("7" == n)) ~= ((#t % c) - "7")) end))
print(pcall(function() return n end))
print(pcall(function() return f((-4 - (2.25 ^ 15)), ((#t * t[1]) ^ s)) end))
print(pcall(function() return f((-(a) ^ (a and #t)), 2.25) end))
local acc = 0 for i = -3, 20, 1 do acc = acc + i * a end print(acc)
