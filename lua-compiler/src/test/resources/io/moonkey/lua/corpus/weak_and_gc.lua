local w = setmetatable({}, {__mode = "k"})
w[{}] = 1
print(type(collectgarbage("count")), collectgarbage())
