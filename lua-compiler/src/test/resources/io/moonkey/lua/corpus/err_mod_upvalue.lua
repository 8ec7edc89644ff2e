do
  local u = true
  local function inner()
    local r = u % 3
  end
  print(pcall(inner))
end
do
  local u = "str"
  local function inner()
    local r = u % 3
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    local r = u % 3
  end
  print(pcall(inner))
end
local z = {}
local w = z % 3
