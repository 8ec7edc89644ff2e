local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
local j = 1
while j <= 3 do local k = j; gs[j] = function() k = k + 10; return k end; j = j + 1 end
print(gs[1](), gs[1](), gs[2](), gs[3]())
local hs = {}
for _, v in ipairs({"a", "b"}) do hs[#hs + 1] = function() return v end end
print(hs[1](), hs[2]())
