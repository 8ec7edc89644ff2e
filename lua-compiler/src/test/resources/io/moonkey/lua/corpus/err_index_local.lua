print(pcall(function()
  local x = true
  print(x.y)
end))
print(pcall(function()
  local x = function() end
  print(x.y)
end))
print(pcall(function()
  local x = 12
  print(x.y)
end))
local z = nil
local w = z.y
