print(pcall(function()
  gx = nil
  gx:m()
end))
print(pcall(function()
  gx = function() end
  gx:m()
end))
print(pcall(function()
  gx = {}
  gx:m()
end))
