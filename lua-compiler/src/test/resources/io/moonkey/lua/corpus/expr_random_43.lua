local a, b, c = 4, 0, 100
local s, n = "ab", nil
local t = {x = 3, 5, 6}
local function f(x, y) return x, y end
print(pcall(function() return f(((n % c) <= (#s < 1000.0)), ((a + t.x) and (c == #t))) end))
print(pcall(function() return ((a / (" 3 " - b)) and not ((t.x + n))) end))
print(pcall(function() return t[1] end))
print(pcall(function() return " 3 " end))
print(pcall(function() return ((a + (#s ^ 7)) == (("7" / b) <= c)) end))
print(pcall(function() return #t end))
print(pcall(function() return (not ("7") > ((#s < " 3 ") / (b == c))) end))
print(pcall(function() return ((t[1] and (t[1] ^ " 3 ")) % ((c % b) + c)) end))
local acc = 0 for i = 2, 22, 1 do acc = acc + i * c end print(acc)
