local function inner() return ("a"):rep(-1) .. nil end
local function mid() inner() end
print(pcall(mid))
print(pcall(inner))
print(xpcall(mid, function(e) return "H:" .. tostring(e) end))
