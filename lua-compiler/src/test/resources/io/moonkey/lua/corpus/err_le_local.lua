print(pcall(function()
  local x = 12
  local r = "a" <= x
end))
print(pcall(function()
  local x = function() end
  local r = "a" <= x
end))
print(pcall(function()
  local x = true
  local r = "a" <= x
end))
local z = {}
local w = "a" <= z
