print(pcall(function()
  local function g() return "str" end
  local r = g() + 1
end))
print(pcall(function()
  local function g() return function() end end
  local r = g() + 1
end))
print(pcall(function()
  local function g() return nil end
  local r = g() + 1
end))
