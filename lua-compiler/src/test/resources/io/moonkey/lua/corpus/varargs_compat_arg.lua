local function f(...) return arg and arg.n, arg and arg[1] end
print(f(5, 6))
local function g(...) local t = {...} return arg end
print(g(1))
