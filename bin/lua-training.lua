-- The training run behind bin/lua's ahead-of-time cache (JDK 25+, -XX:AOTCacheOutput): a
-- short, broad workload, so that the classes a typical script needs are loaded and linked,
-- and their methods profiled, before any user program starts. It prints nothing and exercises
-- both tiers: the interpreter for cold code, generated classes for the hot loops below.
local insert, concat, sort = table.insert, table.concat, table.sort
local format, rep, byte, char = string.format, string.rep, string.byte, string.char

-- tables: arrays, records, hash keys of every type, length, next, sort
local function tables(n)
  local arr, rec, set = {}, {}, {}
  for i = 1, n do
    arr[#arr + 1] = (i * 7919) % 1000
    rec["k" .. i % 97] = i
    set[i * 0.5] = true
  end
  insert(arr, 1, -1)
  table.remove(arr)
  sort(arr)
  sort(arr, function(a, b) return a > b end)
  local words = {}
  for k in pairs(rec) do words[#words + 1] = k end
  sort(words)
  local count = 0
  for _, v in ipairs(arr) do count = count + v end
  for _ in next, set do count = count + 1 end
  return count + #concat(words, ",") + (table.maxn(arr) or 0)
end

-- strings: format, patterns, gsub with every replacement kind, byte/char, rep, numbers as text
local function strings(n)
  local parts = {}
  for i = 1, n do
    parts[#parts + 1] = format("%d:%5.2f:%s:%x:%q", i, i / 3, tostring(i * 1.5), i, "a\"b")
  end
  local text = concat(parts, "\n")
  local total = 0
  for a, b in text:gmatch("(%d+):([%d.]+)") do total = total + tonumber(a) + tonumber(b) end
  local s1 = text:gsub("%a+", string.upper)
  local s2 = text:gsub("[%p]", {[":"] = ";"})
  local s3 = text:gsub("(%d)(%d)", "%2%1")
  local first, last = text:find("^%d+", 1)
  total = total + #s1 + #s2 + #s3 + (first or 0) + (last or 0)
  total = total + byte(char(65, 66), 2) + #rep("ab", 10, ",") + #text:sub(2, -2):lower():reverse()
  return total + (tonumber("0x1F") or 0) + (tonumber("  12.5e1  ") or 0) + math.floor(math.sqrt(n))
end

-- closures, varargs, metatables, method calls, tail calls
local Point = {}
Point.__index = Point
Point.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Point) end
Point.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Point.__tostring = function(p) return "(" .. p.x .. "," .. p.y .. ")" end
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:length() return math.sqrt(self.x * self.x + self.y * self.y) end

local function objects(n)
  local acc = Point.new(0, 0)
  for i = 1, n do acc = acc + Point.new(i % 3, i % 5) end
  local function sum(...)
    local s = 0
    for i = 1, select("#", ...) do s = s + (select(i, ...)) end
    return s
  end
  local function counter()
    local c = 0
    return function(k) c = c + k return c end
  end
  local inc = counter()
  for i = 1, n do inc(i % 7) end
  local function even(k) if k == 0 then return true end return odd(k - 1) end
  function odd(k) if k == 0 then return false end return even(k - 1) end
  return acc:length() + sum(1, 2, 3, unpack({4, 5})) + inc(0) + (even(n) and 1 or 0) + #tostring(acc)
end

-- errors and coroutines
local function control(n)
  local caught = 0
  for i = 1, n do
    local ok = pcall(error, {code = i})
    if not ok then caught = caught + 1 end
    ok = xpcall(function() return nil + i end, function(m) return tostring(m) end)
    if not ok then caught = caught + 1 end
  end
  local gen = coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return a + b end)
  local _, x = coroutine.resume(co, 1)
  local _, y = coroutine.resume(co, x)
  local total = caught + y
  for _ = 1, n do total = total + gen() end
  return total + #coroutine.status(co)
end

local sink = 0
for round = 1, 200 do
  sink = sink + tables(400) + strings(60) + objects(400) + control(60)
  local f = loadstring("local a, b = ... return a * b + " .. round)
  sink = sink + f(round, 2)
end
io.write(sink < 0 and "unexpected\n" or "")
