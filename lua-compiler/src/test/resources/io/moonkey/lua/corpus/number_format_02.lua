print(123456789012345, tostring(123456789012345), string.format("%.3f %g %d", 123456789012345, 123456789012345, 123456789012345 == 123456789012345 and 123456789012345 < 1e18 and 123456789012345 > -1e18 and 123456789012345 or 0))
print(2^53, tostring(2^53), string.format("%.3f %g %d", 2^53, 2^53, 2^53 == 2^53 and 2^53 < 1e18 and 2^53 > -1e18 and 2^53 or 0))
print(2^63, tostring(2^63), string.format("%.3f %g %d", 2^63, 2^63, 2^63 == 2^63 and 2^63 < 1e18 and 2^63 > -1e18 and 2^63 or 0))
print(0.1, tostring(0.1), string.format("%.3f %g %d", 0.1, 0.1, 0.1 == 0.1 and 0.1 < 1e18 and 0.1 > -1e18 and 0.1 or 0))
