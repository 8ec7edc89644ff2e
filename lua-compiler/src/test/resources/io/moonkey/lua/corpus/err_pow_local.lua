print(pcall(function()
  local x = 12
  local r = 2 ^ x
end))
print(pcall(function()
  local x = nil
  local r = 2 ^ x
end))
print(pcall(function()
  local x = {}
  local r = 2 ^ x
end))
