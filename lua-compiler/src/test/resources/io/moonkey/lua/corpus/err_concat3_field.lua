print(pcall(function()
  local t = {f = {}}
  local r = "a" .. t.f .. "b"
end))
print(pcall(function()
  local t = {f = nil}
  local r = "a" .. t.f .. "b"
end))
print(pcall(function()
  local t = {f = "str"}
  local r = "a" .. t.f .. "b"
end))
