local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(100000, 0))
local function count(n) if n > 0 then return count(n - 1) end return "done" end
print(count(50000))
