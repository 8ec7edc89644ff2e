do
  local u = function() end
  local function inner()
    local r = u * 2
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    local r = u * 2
  end
  print(pcall(inner))
end
do
  local u = 12
  local function inner()
    local r = u * 2
  end
  print(pcall(inner))
end
local z = nil
local w = z * 2
