print(pcall(function()
  local x = function() end
  local r = x .. "s"
end))
print(pcall(function()
  local x = "str"
  local r = x .. "s"
end))
print(pcall(function()
  local x = true
  local r = x .. "s"
end))
local z = {}
local w = z .. "s"
