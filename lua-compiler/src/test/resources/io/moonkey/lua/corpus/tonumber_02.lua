print("inf", tonumber("inf"), tonumber("inf", 16), tonumber("inf", 10), pcall(function() return "inf" + 0 end))
print("nan", tonumber("nan"), tonumber("nan", 16), tonumber("nan", 10), pcall(function() return "nan" + 0 end))
print("-0x10", tonumber("-0x10"), tonumber("-0x10", 16), tonumber("-0x10", 10), pcall(function() return "-0x10" + 0 end))
print("1e", tonumber("1e"), tonumber("1e", 16), tonumber("1e", 10), pcall(function() return "1e" + 0 end))
