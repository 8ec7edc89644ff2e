print(pcall(function()
  local function g() return {} end
  local r = "a" <= g()
end))
print(pcall(function()
  local function g() return function() end end
  local r = "a" <= g()
end))
print(pcall(function()
  local function g() return "str" end
  local r = "a" <= g()
end))
