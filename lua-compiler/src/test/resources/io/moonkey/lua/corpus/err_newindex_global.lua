print(pcall(function()
  gx = {}
  gx.y = 1
end))
print(pcall(function()
  gx = nil
  gx.y = 1
end))
print(pcall(function()
  gx = true
  gx.y = 1
end))
local z = {}
z.y = 1
