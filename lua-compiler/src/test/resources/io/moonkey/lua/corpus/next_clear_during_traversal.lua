local t = {}
for i = 1, 20 do t["k" .. i] = i end
for i = 1, 10 do t[i] = i end
local n = 0
for k, v in pairs(t) do t[k] = nil n = n + 1 end
print(n, next(t))
print(pcall(next, {}, "nokey"))
local u = {a = 1}
print(next(u), next(u, "a"))
