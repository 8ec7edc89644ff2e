do
  local u = 12
  local function inner()
    local r = "a" .. u .. "b"
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    local r = "a" .. u .. "b"
  end
  print(pcall(inner))
end
do
  local u = nil
  local function inner()
    local r = "a" .. u .. "b"
  end
  print(pcall(inner))
end
local z = {}
local w = "a" .. z .. "b"
