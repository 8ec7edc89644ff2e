print(pcall(function()
  local t = {f = true}
  local r = "s" .. t.f
end))
print(pcall(function()
  local t = {f = function() end}
  local r = "s" .. t.f
end))
print(pcall(function()
  local t = {f = 12}
  local r = "s" .. t.f
end))
local z = nil
local w = "s" .. z
