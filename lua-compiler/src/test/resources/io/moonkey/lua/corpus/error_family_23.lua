local function inner() undefined_global_fn() end
local function mid() inner() end
print(pcall(mid))
print(pcall(inner))
print(xpcall(mid, function(e) return "H:" .. tostring(e) end))
