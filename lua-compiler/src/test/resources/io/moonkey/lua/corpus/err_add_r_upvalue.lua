do
  local u = nil
  local function inner()
    local r = 1 + u
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    local r = 1 + u
  end
  print(pcall(inner))
end
do
  local u = "str"
  local function inner()
    local r = 1 + u
  end
  print(pcall(inner))
end
