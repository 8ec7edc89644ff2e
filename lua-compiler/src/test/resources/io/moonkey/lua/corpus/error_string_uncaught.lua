local function f() error("deep failure") end
f()
