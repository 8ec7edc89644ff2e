local s = "a\0b\255\n\t\"q\\"
print(#s, s:byte(1, -1))
print(string.format("%q", s))
print(("\65\066\0677"):byte(1, -1))
print(string.char(104, 105), pcall(string.char, 256))
