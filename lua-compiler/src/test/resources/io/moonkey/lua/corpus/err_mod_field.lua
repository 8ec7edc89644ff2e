print(pcall(function()
  local t = {f = nil}
  local r = t.f % 3
end))
print(pcall(function()
  local t = {f = function() end}
  local r = t.f % 3
end))
print(pcall(function()
  local t = {f = {}}
  local r = t.f % 3
end))
local z = {}
local w = z % 3
