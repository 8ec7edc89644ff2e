print(0xff, tostring(0xff), string.format("%.3f %g %d", 0xff, 0xff, 0xff == 0xff and 0xff < 1e18 and 0xff > -1e18 and 0xff or 0))
print(1e308*10, tostring(1e308*10), string.format("%.3f %g %d", 1e308*10, 1e308*10, 1e308*10 == 1e308*10 and 1e308*10 < 1e18 and 1e308*10 > -1e18 and 1e308*10 or 0))
print(7 % -3, tostring(7 % -3), string.format("%.3f %g %d", 7 % -3, 7 % -3, 7 % -3 == 7 % -3 and 7 % -3 < 1e18 and 7 % -3 > -1e18 and 7 % -3 or 0))
print(-7 % 3, tostring(-7 % 3), string.format("%.3f %g %d", -7 % 3, -7 % 3, -7 % 3 == -7 % 3 and -7 % 3 < 1e18 and -7 % 3 > -1e18 and -7 % 3 or 0))
