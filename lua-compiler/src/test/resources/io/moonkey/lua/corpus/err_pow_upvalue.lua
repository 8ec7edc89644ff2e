do
  local u = nil
  local function inner()
    local r = 2 ^ u
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    local r = 2 ^ u
  end
  print(pcall(inner))
end
do
  local u = true
  local function inner()
    local r = 2 ^ u
  end
  print(pcall(inner))
end
