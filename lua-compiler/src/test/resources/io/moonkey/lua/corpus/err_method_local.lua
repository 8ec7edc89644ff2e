print(pcall(function()
  local x = true
  x:m()
end))
print(pcall(function()
  local x = {}
  x:m()
end))
print(pcall(function()
  local x = 12
  x:m()
end))
