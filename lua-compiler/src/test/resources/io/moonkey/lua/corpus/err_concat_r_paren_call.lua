print(pcall(function()
  local function g() return "str" end
  local r = "s" .. g()
end))
print(pcall(function()
  local function g() return 12 end
  local r = "s" .. g()
end))
print(pcall(function()
  local function g() return nil end
  local r = "s" .. g()
end))
local z = nil
local w = "s" .. z
