print(pcall(function()
  local x = function() end
  x.y = 1
end))
print(pcall(function()
  local x = nil
  x.y = 1
end))
print(pcall(function()
  local x = 12
  x.y = 1
end))
local z = {}
z.y = 1
