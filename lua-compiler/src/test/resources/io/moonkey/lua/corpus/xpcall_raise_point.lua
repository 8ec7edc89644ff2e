local function lvl3() local x = nil; return x.y end
local function lvl2() return lvl3() end
print(xpcall(lvl2, function(m) return "H(" .. m .. ")" end))
print(xpcall(lvl2, function(m) error("again") end))
print(xpcall(function() return pcall(error, "inner") end, function(m) return "should not run" end))
local function f() error("top level") end
local function g() f() end
g()
