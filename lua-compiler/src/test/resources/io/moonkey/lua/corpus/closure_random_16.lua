local out = {}
local function emit(...) out[#out + 1] = table.concat({...}, ":") end
local fns = {}
for i = 1, 4 do
  local v = i * 7
  fns[i] = function(d) v = v + (d or 1); return v end
end
for r = 1, 3 do for i = 1, #fns do emit(i, fns[i](r)) end end
local function rec(n, ...) if n == 0 then return select("#", ...), ... end return rec(n - 1, n, ...) end
emit(rec(1))
local co = coroutine.wrap(function(x) for j = 1, 3 do x = coroutine.yield(x * j) end return "end" end)
emit(co(1), co(2), co(3), co(4))
local ok, e = pcall(function() local z = {q = 1}; return z.q.w end) emit(tostring(ok), e)
print(table.concat(out, " | "))
