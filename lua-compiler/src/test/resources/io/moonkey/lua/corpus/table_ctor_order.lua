local t = {[1] = "keyed", "positional"}
print(t[1])
local function f() return 1, 2, 3 end
local u = {f(), f()} print(#u)
local v = {f(), (f())} print(#v)
local w = {f(), nil} print(#w)
local x = {[2] = "b", "a"} print(x[1], x[2], #x)
