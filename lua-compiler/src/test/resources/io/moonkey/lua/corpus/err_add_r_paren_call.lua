print(pcall(function()
  local function g() return {} end
  local r = 1 + g()
end))
print(pcall(function()
  local function g() return true end
  local r = 1 + g()
end))
print(pcall(function()
  local function g() return "str" end
  local r = 1 + g()
end))
