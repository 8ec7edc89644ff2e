print(pcall(function()
  local function g() return nil end
  print(g().y)
end))
print(pcall(function()
  local function g() return 12 end
  print(g().y)
end))
print(pcall(function()
  local function g() return function() end end
  print(g().y)
end))
