local base = {greet = function(self) return "hi " .. self.name end}
local obj = setmetatable({name = "bob"}, {__index = base})
print(obj:greet(), obj.missing)
local fn = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(fn.x, fn[1])
local chain = setmetatable({}, {__index = setmetatable({}, {__index = {deep = 42}})})
print(chain.deep)
print(rawget(obj, "greet"))
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
print(pcall(function() return loop.x end))
