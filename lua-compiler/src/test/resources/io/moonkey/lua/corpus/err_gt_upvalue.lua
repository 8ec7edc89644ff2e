do
  local u = 12
  local function inner()
    local r = u > 1
  end
  print(pcall(inner))
end
do
  local u = true
  local function inner()
    local r = u > 1
  end
  print(pcall(inner))
end
do
  local u = function() end
  local function inner()
    local r = u > 1
  end
  print(pcall(inner))
end
