print(type(os.time()), type(os.clock()), type(os.date()))
print(os.time({year = 2020, month = 1, day = 1, hour = 0}) - os.time({year = 2020, month = 1, day = 2, hour = 0}))
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!*t", 3600).hour, os.getenv("NO_SUCH_VARIABLE_XYZ"))
