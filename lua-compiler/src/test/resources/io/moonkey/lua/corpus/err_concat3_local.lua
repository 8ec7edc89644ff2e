print(pcall(function()
  local x = {}
  local r = "a" .. x .. "b"
end))
print(pcall(function()
  local x = 12
  local r = "a" .. x .. "b"
end))
print(pcall(function()
  local x = function() end
  local r = "a" .. x .. "b"
end))
local z = {}
local w = "a" .. z .. "b"
