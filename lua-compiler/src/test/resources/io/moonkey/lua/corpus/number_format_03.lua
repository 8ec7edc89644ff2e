print(1/3, tostring(1/3), string.format("%.3f %g %d", 1/3, 1/3, 1/3 == 1/3 and 1/3 < 1e18 and 1/3 > -1e18 and 1/3 or 0))
print(-1.5e-10, tostring(-1.5e-10), string.format("%.3f %g %d", -1.5e-10, -1.5e-10, -1.5e-10 == -1.5e-10 and -1.5e-10 < 1e18 and -1.5e-10 > -1e18 and -1.5e-10 or 0))
print(3.14159265358979, tostring(3.14159265358979), string.format("%.3f %g %d", 3.14159265358979, 3.14159265358979, 3.14159265358979 == 3.14159265358979 and 3.14159265358979 < 1e18 and 3.14159265358979 > -1e18 and 3.14159265358979 or 0))
print(100, tostring(100), string.format("%.3f %g %d", 100, 100, 100 == 100 and 100 < 1e18 and 100 > -1e18 and 100 or 0))
