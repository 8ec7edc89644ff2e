do
  local u = {}
  local function inner()
    local r = u < 1
  end
  print(pcall(inner))
end
do
  local u = "str"
  local function inner()
    local r = u < 1
  end
  print(pcall(inner))
end
do
  local u = nil
  local function inner()
    local r = u < 1
  end
  print(pcall(inner))
end
