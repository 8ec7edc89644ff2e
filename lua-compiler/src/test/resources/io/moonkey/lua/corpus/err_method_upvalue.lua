do
  local u = true
  local function inner()
    u:m()
  end
  print(pcall(inner))
end
do
  local u = "str"
  local function inner()
    u:m()
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    u:m()
  end
  print(pcall(inner))
end
