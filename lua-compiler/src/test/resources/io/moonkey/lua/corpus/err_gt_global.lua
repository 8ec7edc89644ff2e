print(pcall(function()
  gx = "str"
  local r = gx > 1
end))
print(pcall(function()
  gx = true
  local r = gx > 1
end))
print(pcall(function()
  gx = nil
  local r = gx > 1
end))
