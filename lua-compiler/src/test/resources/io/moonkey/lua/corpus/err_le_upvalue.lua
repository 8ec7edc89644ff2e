do
  local u = nil
  local function inner()
    local r = "a" <= u
  end
  print(pcall(inner))
end
do
  local u = true
  local function inner()
    local r = "a" <= u
  end
  print(pcall(inner))
end
do
  local u = "str"
  local function inner()
    local r = "a" <= u
  end
  print(pcall(inner))
end
