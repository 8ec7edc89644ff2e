print(pcall(function()
  gx = "str"
  local r = "s" .. gx
end))
print(pcall(function()
  gx = true
  local r = "s" .. gx
end))
print(pcall(function()
  gx = nil
  local r = "s" .. gx
end))
