local obj = {}
print(pcall(function() obj:nomethod() end))
print(pcall(function() local s = "str" return s:nosuch() end))
print(pcall(function() return ("x"):rep("y") end))
print(pcall(string.rep))
print(pcall(string.sub))
print(pcall(("x").sub))
