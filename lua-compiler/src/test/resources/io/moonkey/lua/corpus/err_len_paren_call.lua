print(pcall(function()
  local function g() return true end
  local r = #g()
end))
print(pcall(function()
  local function g() return {} end
  local r = #g()
end))
print(pcall(function()
  local function g() return 12 end
  local r = #g()
end))
local z = {}
local w = #z
