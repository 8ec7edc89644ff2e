print(pcall(function()
  local x = "str"
  local r = "s" .. x
end))
print(pcall(function()
  local x = {}
  local r = "s" .. x
end))
print(pcall(function()
  local x = true
  local r = "s" .. x
end))
