print(pcall(function()
  local function g() return function() end end
  g():m()
end))
print(pcall(function()
  local function g() return "str" end
  g():m()
end))
print(pcall(function()
  local function g() return {} end
  g():m()
end))
