-- Weak tables (manual §2.10.2): collectgarbage("collect") clears entries whose weak key or
-- value nothing else holds; strings, numbers and booleans stay.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local keep = {}
local wk = setmetatable({}, {__mode = 'k'})
wk[keep] = 'kept'
wk[{}] = 'lost'
wk['str'] = {}
wk[1] = function() end
wk[true] = 'b'

local wv = setmetatable({}, {__mode = 'v'})
wv[1] = {}
wv[2] = keep
wv[3] = 'string value'
wv[4] = 42
wv.f = function() end
wv.t = keep

local wkv = setmetatable({}, {__mode = 'kv'})
wkv[keep] = {}
wkv[{}] = keep
wkv[keep] = keep
wkv.x = 'y'

collectgarbage()
print('wk', count(wk), wk[keep], wk.str ~= nil, wk[true])
print('wv', count(wv), wv[2] == keep, wv[3], wv[4], wv.t == keep, wv[1], wv.f)
print('wkv', count(wkv), wkv[keep] == keep, wkv.x)

-- a cache with weak values: entries go when their objects do
local cache = setmetatable({}, {__mode = 'v'})
local held = {}
for i = 1, 20 do
  local obj = {id = i}
  cache[i] = obj
  if i % 5 == 0 then held[#held + 1] = obj end
end
collectgarbage()
local alive = {}
for k, v in pairs(cache) do alive[#alive + 1] = k end
table.sort(alive)
print('cache', table.concat(alive, ' '))

-- the table still works after a sweep: new entries, lookups, next over dead entries
for i = 21, 40 do cache[i] = held[1] end
print('after', #held, cache[25] == held[1], cache[3])
local n = 0
for k, v in pairs(cache) do n = n + 1 end
print('entries', n)

-- a value that refers to its weak key keeps the entry (5.1 has no ephemerons)
local eph = setmetatable({}, {__mode = 'k'})
do
  local k = {}
  eph[k] = {k}
end
collectgarbage()
print('ephemeron-like', count(eph))
