-- Integral loop copies and zeros: each case in its own function, so that no -0 numeral makes
-- PUC's shared constant slot turn the 0 numerals into -0.
local function show(x) return string.format("%.17g", x) .. ((x == 0 and 1 / x < 0) and "(-0)" or "") end

local function negate(times)
  local n = 0
  for i = 1, times do n = -n end
  return show(n)
end
print(negate(1), negate(2), negate(3))

local function negateSum()
  local n, m = 0, 5
  for i = 1, 5 do m = m - 1; n = -(m - 4 + i - 1) end
  return show(n), show(m)
end
print(negateSum())

local function subtractToZero()
  local s = 3
  for i = 1, 3 do s = s - 1 end
  local t = -3
  for i = 1, 3 do t = t + 1 end
  return show(s), show(t), show(-s), show(0 - t)
end
print(subtractToZero())

local function zeroStart()
  local out = {}
  for i = 0, 2 do out[#out + 1] = show(i) end
  for i = 0, -2, -1 do out[#out + 1] = show(i) end
  local s = 0
  for i = -2, 2 do s = s + i end
  out[#out + 1] = show(s)
  return table.concat(out, " ")
end
print(zeroStart())

local function negativeZeroStart()
  local out = {}
  local z = -0
  for i = z, 1 do out[#out + 1] = show(i) end
  for i = 1, z, -1 do out[#out + 1] = show(i) end
  for i = z, z + 2, 1 do out[#out + 1] = show(i) end
  local s = z
  for i = 1, 3 do if i > 3 then s = s + i end end
  out[#out + 1] = show(s)
  return table.concat(out, " ")
end
print(negativeZeroStart())

local function zeroStep()
  local out = {}
  local n = 0
  for i = 0, 1, 0 do n = n + 1 out[#out + 1] = show(i) if n >= 3 then break end end
  local z = -0
  for i = 2, 1, z do n = n + 1 out[#out + 1] = show(i) if n >= 6 then break end end
  return table.concat(out, " ")
end
print(zeroStep())

local function multiplyLike()
  local a, b = 0, 0
  for i = 1, 4 do a, b = b - i, -a end
  return show(a), show(b)
end
print(multiplyLike())
