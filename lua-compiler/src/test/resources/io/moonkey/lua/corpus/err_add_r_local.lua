print(pcall(function()
  local x = function() end
  local r = 1 + x
end))
print(pcall(function()
  local x = 12
  local r = 1 + x
end))
print(pcall(function()
  local x = nil
  local r = 1 + x
end))
