print(pcall(function()
  local t = {f = function() end}
  local r = 1 + t.f
end))
print(pcall(function()
  local t = {f = 12}
  local r = 1 + t.f
end))
print(pcall(function()
  local t = {f = "str"}
  local r = 1 + t.f
end))
