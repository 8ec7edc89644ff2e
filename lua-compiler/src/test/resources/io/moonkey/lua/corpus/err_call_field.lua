print(pcall(function()
  local t = {f = true}
  t.f()
end))
print(pcall(function()
  local t = {f = "str"}
  t.f()
end))
print(pcall(function()
  local t = {f = nil}
  t.f()
end))
