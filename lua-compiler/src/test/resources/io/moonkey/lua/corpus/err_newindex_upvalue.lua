do
  local u = 12
  local function inner()
    u.y = 1
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    u.y = 1
  end
  print(pcall(inner))
end
do
  local u = "str"
  local function inner()
    u.y = 1
  end
  print(pcall(inner))
end
