print(".5", tonumber(".5"), tonumber(".5", 16), tonumber(".5", 10), pcall(function() return ".5" + 0 end))
print("5.", tonumber("5."), tonumber("5.", 16), tonumber("5.", 10), pcall(function() return "5." + 0 end))
print("0x", tonumber("0x"), tonumber("0x", 16), tonumber("0x", 10), pcall(function() return "0x" + 0 end))
print("1 2", tonumber("1 2"), tonumber("1 2", 16), tonumber("1 2", 10), pcall(function() return "1 2" + 0 end))
