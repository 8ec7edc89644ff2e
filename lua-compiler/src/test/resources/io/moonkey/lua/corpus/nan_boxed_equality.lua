-- A NaN is unequal to itself also when the same boxed value is compared (table slot, select, upvalue).
local t = {0/0}
local x = t[1]
print(x ~= x, x == x, t[1] == t[1], rawequal(x, x), rawequal(t[1], x))
local function same(...) local a, b = ... return a == b, a ~= b end
print(same(x, x))
print(select(1, x) == select(1, x))
local inf = 1/0
local y = inf - inf
local f = function() return y == y end
print(f(), y ~= y)
local n = 0
for _, v in ipairs({1, 0/0, 2}) do if v == v then n = n + 1 end end
print(n)
