io.write("no newline", 1, " ", 2.5)
io.write("\n")
print(io.write("x") == true)
print(io.type(io.stdout), io.type(42))
