print(pcall(function()
  gx = function() end
  local r = 2 ^ gx
end))
print(pcall(function()
  gx = "str"
  local r = 2 ^ gx
end))
print(pcall(function()
  gx = 12
  local r = 2 ^ gx
end))
