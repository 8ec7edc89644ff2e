print(pcall(function()
  local t = {f = "str"}
  local r = t.f + 1
end))
print(pcall(function()
  local t = {f = nil}
  local r = t.f + 1
end))
print(pcall(function()
  local t = {f = 12}
  local r = t.f + 1
end))
