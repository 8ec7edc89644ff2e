print(pcall(function()
  gx = function() end
  local r = #gx
end))
print(pcall(function()
  gx = nil
  local r = #gx
end))
print(pcall(function()
  gx = "str"
  local r = #gx
end))
local z = {}
local w = #z
