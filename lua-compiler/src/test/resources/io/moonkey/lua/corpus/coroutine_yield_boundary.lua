local co = coroutine.create(function()
  local ok, e = pcall(coroutine.yield, 1)
  print("pcall yield:", ok, e)
  local t = setmetatable({}, {__index = function() coroutine.yield() end})
  print(pcall(function() return t.x end))
  return "end"
end)
print(coroutine.resume(co))
