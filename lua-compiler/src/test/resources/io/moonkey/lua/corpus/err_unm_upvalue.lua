do
  local u = function() end
  local function inner()
    local r = -u
  end
  print(pcall(inner))
end
do
  local u = nil
  local function inner()
    local r = -u
  end
  print(pcall(inner))
end
do
  local u = true
  local function inner()
    local r = -u
  end
  print(pcall(inner))
end
