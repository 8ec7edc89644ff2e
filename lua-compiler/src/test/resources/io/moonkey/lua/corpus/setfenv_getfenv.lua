local function f() return x end
setfenv(f, {x = 42})
print(f(), getfenv(f).x)
x = "global"
local env = {print = print}
local function g() print(x) end
setfenv(g, env) g()
print(getfenv(0) == _G, getfenv() == _G, getfenv(1) == _G)
local function h() setfenv(1, {y = 5}); return y end
print(h())
