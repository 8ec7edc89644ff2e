print(pcall(function()
  local function g() return nil end
  local r = g() % 3
end))
print(pcall(function()
  local function g() return {} end
  local r = g() % 3
end))
print(pcall(function()
  local function g() return "str" end
  local r = g() % 3
end))
local z = {}
local w = z % 3
