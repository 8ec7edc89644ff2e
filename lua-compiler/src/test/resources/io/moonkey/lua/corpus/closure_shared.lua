local get, set
do local x = 1; get = function() return x end; set = function(v) x = v end end
print(get()); set(5); print(get())
local function outer() local a = 1 local function mid() local function inner() a = a + 1 return a end return inner end return mid() end
local f = outer() print(f(), f())
