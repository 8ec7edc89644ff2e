do
  local u = "str"
  local function inner()
    print(u.y)
  end
  print(pcall(inner))
end
do
  local u = function() end
  local function inner()
    print(u.y)
  end
  print(pcall(inner))
end
do
  local u = {}
  local function inner()
    print(u.y)
  end
  print(pcall(inner))
end
