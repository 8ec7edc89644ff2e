local t = {}
t.x, t.x = 1, 2
print(t.x)
local a, b, c = 1
print(a, b, c)
local i = 1
local arr = {}
i, arr[i] = i + 1, 20
print(i, arr[1], arr[2])
local x, y = 1, 2
x, y = y, x
print(x, y)
local function f() return 3, 4 end
local p, q, r = 0, f()
print(p, q, r)
