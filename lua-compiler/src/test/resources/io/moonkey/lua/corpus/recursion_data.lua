local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local function ack(m, n) if m == 0 then return n + 1 elseif n == 0 then return ack(m - 1, 1) else return ack(m - 1, ack(m, n - 1)) end end
print(ack(2, 3))
local function perm(a, n, out) n = n or #a if n <= 1 then out[#out + 1] = table.concat(a) else for i = 1, n do a[n], a[i] = a[i], a[n] perm(a, n - 1, out) a[n], a[i] = a[i], a[n] end end return out end
print(table.concat(perm({"a", "b", "c"}, nil, {}), " "))
