print(pcall(function()
  local x = "str"
  local r = x % 3
end))
print(pcall(function()
  local x = function() end
  local r = x % 3
end))
print(pcall(function()
  local x = {}
  local r = x % 3
end))
