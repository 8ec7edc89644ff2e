local t = setmetatable({}, {__index = function(t, k) return t[k] end})
print(pcall(function() return t.x end))
local function deep(n) return deep(n + 1) + 1 end
print(pcall(deep, 1))
local co = coroutine.wrap(function() local function r() return r() + 1 end return r() end)
print(pcall(co))
print(string.format("%5.2f|%-8s|%x", 3.14159, "ab", 255))
