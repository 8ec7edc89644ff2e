function add(a, b) return a + b end
print(add(1, 2))
local old = add
function add(a, b) return old(a, b) * 10 end
print(add(1, 2))
_G.dyn = function() return "dyn" end
print(dyn())
print(rawget(_G, "add") ~= nil, _G._G == _G, _VERSION)
