print(pcall(function()
  local x = true
  local r = x * 2
end))
print(pcall(function()
  local x = function() end
  local r = x * 2
end))
print(pcall(function()
  local x = nil
  local r = x * 2
end))
