print(pcall(function()
  local t = {f = "str"}
  local r = 2 ^ t.f
end))
print(pcall(function()
  local t = {f = 12}
  local r = 2 ^ t.f
end))
print(pcall(function()
  local t = {f = function() end}
  local r = 2 ^ t.f
end))
