print(pcall(function()
  local function g() return function() end end
  local r = "a" .. g() .. "b"
end))
print(pcall(function()
  local function g() return nil end
  local r = "a" .. g() .. "b"
end))
print(pcall(function()
  local function g() return "str" end
  local r = "a" .. g() .. "b"
end))
local z = nil
local w = "a" .. z .. "b"
