local i = 0
while true do i = i + 1; if i > 5 then break end end
print(i)
repeat i = i - 1 until i < 2
print(i)
for j = 1, 10 do if j == 3 then break end io.write(j) end print()
local n = 0
while n < 3 do n = n + 1 local m = 0 repeat m = m + 1 if m == 2 then break end until false end print(n)
