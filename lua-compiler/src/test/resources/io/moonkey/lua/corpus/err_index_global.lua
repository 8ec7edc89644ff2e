print(pcall(function()
  gx = function() end
  print(gx.y)
end))
print(pcall(function()
  gx = {}
  print(gx.y)
end))
print(pcall(function()
  gx = "str"
  print(gx.y)
end))
