local helper
local function use() return helper(2) end
function helper(x) return x * 21 end
print(use())
local M = {}
function M.f(a) return a + 1 end
function M:g(a) return self.f(a) * 2 end
print(M.f(1), M:g(2))
