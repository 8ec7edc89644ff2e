print(pcall(function()
  local function g() return nil end
  g()()
end))
print(pcall(function()
  local function g() return function() end end
  g()()
end))
print(pcall(function()
  local function g() return 12 end
  g()()
end))
local z = {}
z()
