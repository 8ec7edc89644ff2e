print(pcall(function()
  local x = {}
  local r = x < 1
end))
print(pcall(function()
  local x = "str"
  local r = x < 1
end))
print(pcall(function()
  local x = 12
  local r = x < 1
end))
local z = nil
local w = z < 1
