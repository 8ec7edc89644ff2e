print(0, tostring(0), string.format("%.3f %g %d", 0, 0, 0 == 0 and 0 < 1e18 and 0 > -1e18 and 0 or 0))
print(-0, tostring(-0), string.format("%.3f %g %d", -0, -0, -0 == -0 and -0 < 1e18 and -0 > -1e18 and -0 or 0))
print(1/0, tostring(1/0), string.format("%.3f %g %d", 1/0, 1/0, 1/0 == 1/0 and 1/0 < 1e18 and 1/0 > -1e18 and 1/0 or 0))
print(-1/0, tostring(-1/0), string.format("%.3f %g %d", -1/0, -1/0, -1/0 == -1/0 and -1/0 < 1e18 and -1/0 > -1e18 and -1/0 or 0))
