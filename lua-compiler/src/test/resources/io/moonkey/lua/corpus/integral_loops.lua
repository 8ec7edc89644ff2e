-- accumulators crossing 2^53
local s = 2^53 - 10
for i = 1, 20 do s = s + 1 end
print(string.format("%.0f", s))
local t = 2^53 - 5
for i = 1, 10 do t = t + 3; print(string.format("%.0f", t)) end
local u = -2^53 + 3
for i = 1, 6 do u = u - 1 end
print(string.format("%.0f", u))
-- negative zero
local z = -0
for i = 1, 3 do if i > 5 then z = z + 1 end end
print(z, 1/z)
local n = 0
for i = 1, 3 do n = -n end
print(n, 1/n)
local m = 5
for i = 1, 2 do m = -(m - 5) end
print(m, 1/m)
-- float steps and limits
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 0.5, 3 do io.write(i, " ") end print()
for i = 1, 3.7 do io.write(i, " ") end print()
for i = 3, -1.5, -1 do io.write(i, " ") end print()
for i = 1, 0/0 do io.write(i, " ") end print("nan limit")
local cnt = 0
for i = 1, math.huge do cnt = cnt + 1; if cnt >= 5 then break end end print(cnt)
cnt = 0
for i = -1, -math.huge, -1 do cnt = cnt + i; if cnt < -10 then break end end print(cnt)
for i = 2^53 - 3, 2^53 + 2 do io.write(string.format("%.0f ", i)); cnt = cnt + 1; if cnt > 20 then break end end print()
for i = 2^52 - 2, 2^52 + 2 do cnt = cnt + 1 end print(cnt)
for i = -2^52 + 2, -2^52 - 2, -1 do cnt = cnt + 1 end print(cnt)
-- loop copy semantics
local acc = 0
for i = 1, 5 do acc = acc + i; i = i + 10; acc = acc + i end print(acc)
for i = 1, 3 do i = i * 0.5; acc = acc + 1 end print(acc)
-- closures capturing the loop variable
local fs = {}
local k = 0
for i = 1, 3 do k = k + i; fs[i] = function() return i, k end end
for i = 1, 3 do print(fs[i]()) end
-- assigned non-integers later
local x = 0
for i = 1, 5 do x = x + i; if i == 3 then x = x / 2 end end print(x)
local y = 0
for i = 1, 5 do y = y + i end y = y + 0.5 print(y)
-- nested loops
local total = 0
for i = 1, 10 do
  local row = 0
  for j = i, 1, -1 do row = row + j end
  for j = 1, i, 2 do row = row - j end
  total = total + row
end
print(total)
-- multiple assignment fib
local a, b = 0, 1
for i = 1, 90 do a, b = b, a + b end
print(string.format("%.0f %.0f", a, b))
-- variable start/step
local st, sp = 3, 2
local q = 0
for i = st, 20, sp do q = q + i end print(q)
sp = 0.25 q = 0
for i = st, 5, sp do q = q + i end print(q)
sp = -3 q = 0
for i = 20, st, sp do q = q + i end print(q)
-- while/repeat inside
local w = 0
for i = 1, 4 do local j = 0 while j < i do j = j + 1; w = w + j end repeat w = w - 1 until w % 3 == 0 end print(w)
-- break and return from inside
local function f(n) local s = 0 for i = 1, n do s = s + i if s > 50 then return s, i end end return s end
print(f(5), f(100))
local r = 0
for i = 1, 10 do r = r + i if r > 20 then break end end print(r)
-- string start
local ss = 0
for i = "2", "5" do ss = ss + i end print(ss)
-- generic for inside
local g = 0
for i = 1, 3 do for _, v in ipairs({10, 20}) do g = g + v + i end end print(g)
-- overflow mid-body followed by more statements
local big = 2^53 - 2
local after = 0
for i = 1, 4 do local before = i; big = big + 1; after = after + before + 1 end
print(string.format("%.0f", big), after)
print(pcall(function() local e = 0 for i = 1, 3 do e = e + i; if i == 2 then error("boom" .. e) end end end))
