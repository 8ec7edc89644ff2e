print(pcall(function()
  local function g() return "str" end
  g().y = 1
end))
print(pcall(function()
  local function g() return true end
  g().y = 1
end))
print(pcall(function()
  local function g() return function() end end
  g().y = 1
end))
