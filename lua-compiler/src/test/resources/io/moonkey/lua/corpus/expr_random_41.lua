local a, b, c = 8, "4", 1
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return (s < ((c + a) - (" 3 " or -1.5))) end))
print(pcall(function() return f(t[1], " 3 ") end))
print(pcall(function() return (-((t[1] or #s)) * -(#t)) end))
print(pcall(function() return ((f(t.x, c) + #t) ^ (#t + not (n))) end))
print(pcall(function() return ("7" * ((s - t[1]) * (#s > 2.25))) end))
print(pcall(function() return f((12 ~= f(s, " 3 ")), (-(0.5) .. "7")) end))
print(pcall(function() return (((c < "7") and (s % a)) or ("7" .. (" 3 " ^ n))) end))
print(pcall(function() return ((2.25 and (#t * t[1])) ~= b) end))
local acc = 0 for i = 1, 9, 1 do acc = acc + i * a end print(acc)
