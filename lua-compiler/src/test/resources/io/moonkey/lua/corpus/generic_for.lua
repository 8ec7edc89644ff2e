local t = {10, 20, 30, nil, 50}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local function iter(s, c) if c < s then return c + 1, c * c end end
for a, b in iter, 3, 0 do io.write(a, ":", b, " ") end print()
print(pcall(function() for x in nil do end end))
local mt = {__call = function(self, s, c) if c < 2 then return c + 1 end end}
for x in setmetatable({}, mt), nil, 0 do io.write(x, " ") end print()
