print(pcall(function()
  local x = 12
  local r = -x
end))
print(pcall(function()
  local x = function() end
  local r = -x
end))
print(pcall(function()
  local x = true
  local r = -x
end))
