print(pcall(function()
  local t = {f = nil}
  local r = #t.f
end))
print(pcall(function()
  local t = {f = true}
  local r = #t.f
end))
print(pcall(function()
  local t = {f = {}}
  local r = #t.f
end))
