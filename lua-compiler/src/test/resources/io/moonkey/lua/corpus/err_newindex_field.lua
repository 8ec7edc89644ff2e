print(pcall(function()
  local t = {f = 12}
  t.f.y = 1
end))
print(pcall(function()
  local t = {f = "str"}
  t.f.y = 1
end))
print(pcall(function()
  local t = {f = nil}
  t.f.y = 1
end))
