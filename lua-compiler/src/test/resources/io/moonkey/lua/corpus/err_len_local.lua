print(pcall(function()
  local x = nil
  local r = #x
end))
print(pcall(function()
  local x = true
  local r = #x
end))
print(pcall(function()
  local x = {}
  local r = #x
end))
local z = nil
local w = #z
