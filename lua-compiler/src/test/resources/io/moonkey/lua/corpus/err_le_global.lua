print(pcall(function()
  gx = 12
  local r = "a" <= gx
end))
print(pcall(function()
  gx = nil
  local r = "a" <= gx
end))
print(pcall(function()
  gx = "str"
  local r = "a" <= gx
end))
local z = nil
local w = "a" <= z
