print(pcall(function()
  gx = {}
  local r = gx * 2
end))
print(pcall(function()
  gx = function() end
  local r = gx * 2
end))
print(pcall(function()
  gx = "str"
  local r = gx * 2
end))
