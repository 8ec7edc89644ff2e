print(pcall(function()
  local x = nil
  local r = x + 1
end))
print(pcall(function()
  local x = "str"
  local r = x + 1
end))
print(pcall(function()
  local x = function() end
  local r = x + 1
end))
