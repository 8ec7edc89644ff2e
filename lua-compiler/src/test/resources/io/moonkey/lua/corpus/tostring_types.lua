print(tostring(nil), tostring(true), tostring(12), tostring(-0.5), tostring("s"))
print(type(tostring({})), tostring({}):sub(1, 6), tostring(print):sub(1, 9))
print(type(nil), type(1), type("x"), type({}), type(print), type(coroutine.create(function() end)))
print(pcall(type))
