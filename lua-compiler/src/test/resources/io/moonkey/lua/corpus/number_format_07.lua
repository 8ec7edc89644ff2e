print("0x10" + 0, tostring("0x10" + 0), string.format("%.3f %g %d", "0x10" + 0, "0x10" + 0, "0x10" + 0 == "0x10" + 0 and "0x10" + 0 < 1e18 and "0x10" + 0 > -1e18 and "0x10" + 0 or 0))
print(" 5 " * 2, tostring(" 5 " * 2), string.format("%.3f %g %d", " 5 " * 2, " 5 " * 2, " 5 " * 2 == " 5 " * 2 and " 5 " * 2 < 1e18 and " 5 " * 2 > -1e18 and " 5 " * 2 or 0))
print("1e2" / 4, tostring("1e2" / 4), string.format("%.3f %g %d", "1e2" / 4, "1e2" / 4, "1e2" / 4 == "1e2" / 4 and "1e2" / 4 < 1e18 and "1e2" / 4 > -1e18 and "1e2" / 4 or 0))
