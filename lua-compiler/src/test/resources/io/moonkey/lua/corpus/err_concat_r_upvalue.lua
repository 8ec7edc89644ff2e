do
  local u = "str"
  local function inner()
    local r = "s" .. u
  end
  print(pcall(inner))
end
do
  local u = function() end
  local function inner()
    local r = "s" .. u
  end
  print(pcall(inner))
end
do
  local u = true
  local function inner()
    local r = "s" .. u
  end
  print(pcall(inner))
end
local z = {}
local w = "s" .. z
