do
  local u = "str"
  local function inner()
    local r = u .. "s"
  end
  print(pcall(inner))
end
do
  local u = 12
  local function inner()
    local r = u .. "s"
  end
  print(pcall(inner))
end
do
  local u = function() end
  local function inner()
    local r = u .. "s"
  end
  print(pcall(inner))
end
local z = nil
local w = z .. "s"
