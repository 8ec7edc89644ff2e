print(pcall(function()
  gx = {}
  local r = 1 + gx
end))
print(pcall(function()
  gx = function() end
  local r = 1 + gx
end))
print(pcall(function()
  gx = "str"
  local r = 1 + gx
end))
