print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, 1, 2, 3))
print(pcall(assert, false, 42))
