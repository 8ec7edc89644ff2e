local function deep(n) local t = {} for i = 1, n do t[i] = {i, {i * 2, {i * 3}}} end return t end
local d = deep(5)
print(d[5][2][2][1], #d)
local s = 0
for i = 1, 3 do for j = 1, 3 do for k = 1, 3 do if (i + j + k) % 2 == 0 then s = s + 1 end end end end
print(s)
