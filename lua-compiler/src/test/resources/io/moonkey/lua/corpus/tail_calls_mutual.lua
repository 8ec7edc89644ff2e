-- Proper tail calls (Lua 5.1 manual §2.5.8): mutual recursion, methods, varargs and
-- multiple results run in constant space; chains end in builtins, errors and coroutines.
local function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(300000), is_odd(300001), is_even(7))

local account = {n = 0}
function account:ping(k) if k == 0 then return self.n end self.n = self.n + 1 return self:pong(k - 1) end
function account:pong(k) return self:ping(k) end
print(account:ping(200001))

local function spread(n, ...) if n >= 100000 then return n, select('#', ...), ... end return spread_again(n, ...) end
function spread_again(n, ...) return spread(n + 1, ...) end
print(spread(0, 'a', nil, 'c', nil))

local function three(n) if n == 0 then return 1, 2, 3 end return three_again(n - 1) end
function three_again(n) return three(n) end
print(three(100001))
print((three(10)))
print(({three(20)})[3], #{three(21), three(22)})

-- results of tail chains used inside expressions, arguments and table constructors
local function depth_a(n) if n == 0 then return "bottom" end return depth_b(n - 1) end
function depth_b(n) return depth_a(n) end
print("got " .. depth_a(50) .. "!", select('#', depth_a(60)), type(depth_a(70)))

-- four and more arguments
local function many(a, b, c, d, e) if a == 0 then return a, b, c, d, e end return many_again(a - 1, b, c, d, e) end
function many_again(a, b, c, d, e) return many(a, b + 1, c, d, e) end
print(many(100000, 0, "c", "d", "e"))

-- into builtins, __call tables and closures
local function to_text(n) if n == 0 then return tostring(12.5) end return to_text_again(n - 1) end
function to_text_again(n) return to_text(n) end
print(to_text(100))
local callable = setmetatable({}, {__call = function(self, n) return n * 2 end})
local function via_call(n) if n == 0 then return callable(21) end return via_call_again(n - 1) end
function via_call_again(n) return via_call(n) end
print(via_call(1000))
local function unpacked(n) if n == 0 then return unpack({1, 2, 3}) end return unpacked_again(n - 1) end
function unpacked_again(n) return unpacked(n) end
print(unpacked(500))

-- errors at the end of long chains, caught, and the chains still work afterwards
local function fail(n) if n == 0 then error("chain end") end return fail_again(n - 1) end
function fail_again(n) return fail(n) end
print(pcall(fail, 100000))
print(pcall(fail, 3))
local function fail_table(n) if n == 0 then error({code = n}) end return fail_table_again(n - 1) end
function fail_table_again(n) return fail_table(n) end
local ok, e = pcall(fail_table, 1000)
print(ok, type(e), e.code)
print(is_even(1001), select(2, pcall(is_odd, 1000)))

-- a chain whose links call pcall, sort and gsub in between
local function sorter(n)
  if n == 0 then return "sorted" end
  local t = {5, 3, 9, 1}
  table.sort(t, function(x, y) return x < y end)
  local s = ("abc"):gsub("%w", function(c) return c:upper() end)
  local ok = pcall(is_even, 50)
  return sorter_again(n - 1, t[1] + #s)
end
function sorter_again(n) return sorter(n) end
print(sorter(2000))

-- yields from inside a chain
local co = coroutine.wrap(function(n)
  local function step(k) if k == 0 then return "done" end coroutine.yield(k) return step_again(k - 1) end
  function step_again(k) return step(k) end
  return step(n)
end)
local seen = {}
for i = 1, 12 do seen[#seen + 1] = tostring(co(12)) end
print(table.concat(seen, " "), co())
