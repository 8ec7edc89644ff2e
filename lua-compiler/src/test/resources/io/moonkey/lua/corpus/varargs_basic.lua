local function f(...) return select("#", ...), ... end
print(f()) print(f(nil)) print(f(1, nil, 3)) print(f(nil, nil))
local function g(...) local a, b = ... return a, b end
print(g(1)) print(g(1, 2, 3))
local function h(...) return {...} end
print(#h(1, 2, 3))
local function k(a, ...) return a, select(2, ...) end
print(k(1, 2, 3, 4))
print(select(-1, 1, 2, 3)) print(pcall(select, 0, 1))
print(select(2, "a", "b", "c"))
