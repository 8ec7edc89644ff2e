print(0/0, tostring(0/0), string.format("%.3f %g %d", 0/0, 0/0, 0/0 == 0/0 and 0/0 < 1e18 and 0/0 > -1e18 and 0/0 or 0))
print(-(0/0), tostring(-(0/0)), string.format("%.3f %g %d", -(0/0), -(0/0), -(0/0) == -(0/0) and -(0/0) < 1e18 and -(0/0) > -1e18 and -(0/0) or 0))
print(1e15, tostring(1e15), string.format("%.3f %g %d", 1e15, 1e15, 1e15 == 1e15 and 1e15 < 1e18 and 1e15 > -1e18 and 1e15 or 0))
print(1e14, tostring(1e14), string.format("%.3f %g %d", 1e14, 1e14, 1e14 == 1e14 and 1e14 < 1e18 and 1e14 > -1e18 and 1e14 or 0))
