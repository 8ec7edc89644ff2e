print(5.5 % 2, tostring(5.5 % 2), string.format("%.3f %g %d", 5.5 % 2, 5.5 % 2, 5.5 % 2 == 5.5 % 2 and 5.5 % 2 < 1e18 and 5.5 % 2 > -1e18 and 5.5 % 2 or 0))
print(2^0.5, tostring(2^0.5), string.format("%.3f %g %d", 2^0.5, 2^0.5, 2^0.5 == 2^0.5 and 2^0.5 < 1e18 and 2^0.5 > -1e18 and 2^0.5 or 0))
print(10/4, tostring(10/4), string.format("%.3f %g %d", 10/4, 10/4, 10/4 == 10/4 and 10/4 < 1e18 and 10/4 > -1e18 and 10/4 or 0))
print("10" + 1, tostring("10" + 1), string.format("%.3f %g %d", "10" + 1, "10" + 1, "10" + 1 == "10" + 1 and "10" + 1 < 1e18 and "10" + 1 > -1e18 and "10" + 1 or 0))
