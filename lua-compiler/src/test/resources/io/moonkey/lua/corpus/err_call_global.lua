print(pcall(function()
  gx = {}
  gx()
end))
print(pcall(function()
  gx = 12
  gx()
end))
print(pcall(function()
  gx = "str"
  gx()
end))
