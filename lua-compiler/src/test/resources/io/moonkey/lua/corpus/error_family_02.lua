local function inner() error("m", 2) end
local function mid() inner() end
print(pcall(mid))
print(pcall(inner))
print(xpcall(mid, function(e) return "H:" .. tostring(e) end))
