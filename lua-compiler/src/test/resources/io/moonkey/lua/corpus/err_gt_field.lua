print(pcall(function()
  local t = {f = {}}
  local r = t.f > 1
end))
print(pcall(function()
  local t = {f = 12}
  local r = t.f > 1
end))
print(pcall(function()
  local t = {f = true}
  local r = t.f > 1
end))
local z = nil
local w = z > 1
