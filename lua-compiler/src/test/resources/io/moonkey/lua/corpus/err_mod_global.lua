print(pcall(function()
  gx = nil
  local r = gx % 3
end))
print(pcall(function()
  gx = 12
  local r = gx % 3
end))
print(pcall(function()
  gx = true
  local r = gx % 3
end))
