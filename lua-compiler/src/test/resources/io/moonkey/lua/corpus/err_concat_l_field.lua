print(pcall(function()
  local t = {f = nil}
  local r = t.f .. "s"
end))
print(pcall(function()
  local t = {f = {}}
  local r = t.f .. "s"
end))
print(pcall(function()
  local t = {f = 12}
  local r = t.f .. "s"
end))
