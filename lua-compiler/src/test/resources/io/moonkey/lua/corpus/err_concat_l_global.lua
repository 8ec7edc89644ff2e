print(pcall(function()
  gx = "str"
  local r = gx .. "s"
end))
print(pcall(function()
  gx = true
  local r = gx .. "s"
end))
print(pcall(function()
  gx = 12
  local r = gx .. "s"
end))
