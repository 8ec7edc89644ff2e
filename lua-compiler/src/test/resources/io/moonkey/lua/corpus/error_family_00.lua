local function inner() error("m") end
local function mid() inner() end
print(pcall(mid))
print(pcall(inner))
print(xpcall(mid, function(e) return "H:" .. tostring(e) end))
mid()
