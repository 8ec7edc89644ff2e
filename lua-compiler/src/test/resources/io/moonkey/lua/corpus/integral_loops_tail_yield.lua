-- Integral loop copies with a self tail call (a jump to the function start) and a yield inside the loop.
local function f(n, acc)
  if n == 0 then return acc end
  local s = 0
  for i = 1, n do s = s + i if s > 100 then return f(n - 1, acc + s) end end
  return f(n - 1, acc + s)
end
print(f(30, 0))
local co = coroutine.wrap(function()
  local s = 0
  for i = 1, 10 do s = s + i coroutine.yield(s) end
  return -s
end)
for k = 1, 11 do io.write(co(), " ") end print()
