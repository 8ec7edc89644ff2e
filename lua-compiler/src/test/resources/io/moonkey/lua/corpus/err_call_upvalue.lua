do
  local u = 12
  local function inner()
    u()
  end
  print(pcall(inner))
end
do
  local u = true
  local function inner()
    u()
  end
  print(pcall(inner))
end
do
  local u = nil
  local function inner()
    u()
  end
  print(pcall(inner))
end
