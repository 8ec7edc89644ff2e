local function two() return 1, 2 end
local function none() end
print(two()) print((two())) print(two(), 10) print({two(), two()}[3])
local t = {two(), two()} print(#t)
local a, b, c = two() print(a, b, c)
local x, y = none() print(x, y)
print(none())
print(select("#", none()))
local function pass(...) return ... end
print(pass(two()))
print(string.format("%d %d", two()))
