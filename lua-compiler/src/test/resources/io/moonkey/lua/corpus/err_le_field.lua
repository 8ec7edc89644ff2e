print(pcall(function()
  local t = {f = 12}
  local r = "a" <= t.f
end))
print(pcall(function()
  local t = {f = "str"}
  local r = "a" <= t.f
end))
print(pcall(function()
  local t = {f = true}
  local r = "a" <= t.f
end))
