print("abc", tonumber("abc"), tonumber("abc", 16), tonumber("abc", 10), pcall(function() return "abc" + 0 end))
print("10a", tonumber("10a"), tonumber("10a", 16), tonumber("10a", 10), pcall(function() return "10a" + 0 end))
print("", tonumber(""), tonumber("", 16), tonumber("", 10), pcall(function() return "" + 0 end))
print(" ", tonumber(" "), tonumber(" ", 16), tonumber(" ", 10), pcall(function() return " " + 0 end))
