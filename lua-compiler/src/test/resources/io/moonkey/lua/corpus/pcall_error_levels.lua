local function lvl1() error("one") end
local function lvl2() error("two", 2) end
local function call2() lvl2() end
print(pcall(lvl1))
print(pcall(call2))
print(pcall(error, "zero", 0))
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, {code = 1}))
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "custom" end}))
print(ok, tostring(e))
print(select("#", pcall(error)))
