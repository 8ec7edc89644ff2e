print(pcall(function()
  gx = {}
  local r = -gx
end))
print(pcall(function()
  gx = nil
  local r = -gx
end))
print(pcall(function()
  gx = "str"
  local r = -gx
end))
