print("10", tonumber("10"), tonumber("10", 16), tonumber("10", 10), pcall(function() return "10" + 0 end))
print("  10  ", tonumber("  10  "), tonumber("  10  ", 16), tonumber("  10  ", 10), pcall(function() return "  10  " + 0 end))
print("0x1A", tonumber("0x1A"), tonumber("0x1A", 16), tonumber("0x1A", 10), pcall(function() return "0x1A" + 0 end))
print("1e1", tonumber("1e1"), tonumber("1e1", 16), tonumber("1e1", 10), pcall(function() return "1e1" + 0 end))
