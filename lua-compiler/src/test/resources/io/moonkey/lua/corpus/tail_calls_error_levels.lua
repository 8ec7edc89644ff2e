-- error levels that land on a tail call have no position (5.1 lua_getstack's lost levels)
local function inner() error("lvl2", 2) end
local function mid() return inner() end
local function outer()
  local x = mid()
  return x
end
print(pcall(outer))
local function inner3() error("lvl3", 3) end
local function a() return inner3() end
local function b()
  local v = a()
  return v
end
print(pcall(b))
local function t1(x) return t1 and x.y end
print(pcall(function() return t1(nil) end))
local function chain(n) if n == 0 then local z = nil; return z.field end return chain2(n - 1) end
function chain2(n) return chain(n) end
print(pcall(chain, 20))
print(pcall(function() return undefinedfn() end))
print(pcall(function() local t = {} return t:nomethod() end))
