print(pcall(function()
  local t = {f = function() end}
  local r = t.f * 2
end))
print(pcall(function()
  local t = {f = "str"}
  local r = t.f * 2
end))
print(pcall(function()
  local t = {f = true}
  local r = t.f * 2
end))
local z = {}
local w = z * 2
