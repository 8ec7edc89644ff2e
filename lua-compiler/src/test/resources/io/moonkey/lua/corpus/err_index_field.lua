print(pcall(function()
  local t = {f = {}}
  print(t.f.y)
end))
print(pcall(function()
  local t = {f = "str"}
  print(t.f.y)
end))
print(pcall(function()
  local t = {f = 12}
  print(t.f.y)
end))
