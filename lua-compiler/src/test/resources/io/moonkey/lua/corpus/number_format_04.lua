print(1e100, tostring(1e100), string.format("%.3f %g %d", 1e100, 1e100, 1e100 == 1e100 and 1e100 < 1e18 and 1e100 > -1e18 and 1e100 or 0))
print(5e-324, tostring(5e-324), string.format("%.3f %g %d", 5e-324, 5e-324, 5e-324 == 5e-324 and 5e-324 < 1e18 and 5e-324 > -1e18 and 5e-324 or 0))
print(2^-1074, tostring(2^-1074), string.format("%.3f %g %d", 2^-1074, 2^-1074, 2^-1074 == 2^-1074 and 2^-1074 < 1e18 and 2^-1074 > -1e18 and 2^-1074 or 0))
print(0x10, tostring(0x10), string.format("%.3f %g %d", 0x10, 0x10, 0x10 == 0x10 and 0x10 < 1e18 and 0x10 > -1e18 and 0x10 or 0))
