print(pcall(function()
  local x = nil
  local r = x > 1
end))
print(pcall(function()
  local x = true
  local r = x > 1
end))
print(pcall(function()
  local x = 12
  local r = x > 1
end))
