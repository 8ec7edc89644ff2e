print(pcall(function()
  local t = {f = 12}
  t.f:m()
end))
print(pcall(function()
  local t = {f = "str"}
  t.f:m()
end))
print(pcall(function()
  local t = {f = nil}
  t.f:m()
end))
local z = nil
z:m()
