print(pcall(function()
  local function g() return 12 end
  local r = g() * 2
end))
print(pcall(function()
  local function g() return nil end
  local r = g() * 2
end))
print(pcall(function()
  local function g() return true end
  local r = g() * 2
end))
