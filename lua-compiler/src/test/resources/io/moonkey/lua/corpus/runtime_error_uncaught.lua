local t = {}
print("before")
t.x.y = 1
