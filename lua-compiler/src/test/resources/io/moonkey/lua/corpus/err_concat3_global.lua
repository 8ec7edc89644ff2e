print(pcall(function()
  gx = nil
  local r = "a" .. gx .. "b"
end))
print(pcall(function()
  gx = true
  local r = "a" .. gx .. "b"
end))
print(pcall(function()
  gx = 12
  local r = "a" .. gx .. "b"
end))
local z = {}
local w = "a" .. z .. "b"
