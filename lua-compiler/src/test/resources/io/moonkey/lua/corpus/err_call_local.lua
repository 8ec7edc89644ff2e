print(pcall(function()
  local x = nil
  x()
end))
print(pcall(function()
  local x = "str"
  x()
end))
print(pcall(function()
  local x = true
  x()
end))
