-- Integral loop copies with * and %: products crossing 2^53 or giving -0, remainders by zero,
-- by negatives and of operands past 2^52; each case in its own function (no shared -0).
local function show(x) return string.format("%.17g", x) .. ((x == 0 and 1 / x < 0) and "(-0)" or "") end

local function products()
  local p, q, z = 1, 1, 0
  for i = 1, 60 do p = p * 3 end           -- 3^60 rounds past 2^53
  for i = 1, 40 do q = q * -2 end
  for i = 1, 3 do z = z * -i end           -- 0 * negative is -0
  local w = 0
  for i = -2, 2 do w = i * 0 end            -- last: 2 * 0 = 0
  local v = 5
  for i = 1, 2 do v = (v - 5) * -1 end      -- -0 then -0 * -1 = 0
  return show(p), show(q), show(z), show(w), show(v)
end
print(products())

local function remainders()
  local out = {}
  local r = 0
  for i = -7, 7 do r = i % 3 out[#out + 1] = show(r) end
  for i = -7, 7, 2 do r = i % -3 out[#out + 1] = show(r) end
  local d = 0
  for i = 1, 2 do d = i % 0 end             -- nan
  out[#out + 1] = tostring(d ~= d)
  local big = 2^52 + 3
  for i = 1, 3 do big = big % 7 + 2^52 end
  out[#out + 1] = show(big)
  local h = 0
  for i = 1, 1000 do h = (h * 31 + i) % 1000000007 end
  out[#out + 1] = show(h)
  local m = 2^53
  for i = 1, 2 do m = (m - 1) % 1000 end
  out[#out + 1] = show(m)
  return table.concat(out, " ")
end
print(remainders())

local function mixed()
  local isum, wsum = 0, 0
  for i = 1, 30 do
    for j = 1, 50 do isum = (isum + i * j + j % 7) % 1000003 end
    for k = 50, 1, -3 do wsum = wsum + (k * i) % 13 - 6 end
  end
  local f = 1
  for i = 1, 25 do f = f * i end             -- 25! is far past 2^53
  local g = 1
  for i = 1, 20 do g = g * i % 1000000 end
  return show(isum), show(wsum), show(f), show(g)
end
print(mixed())
