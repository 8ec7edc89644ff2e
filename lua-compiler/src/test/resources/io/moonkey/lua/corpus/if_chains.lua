local function cls(x) if x < 0 then return "neg" elseif x == 0 then return "zero" elseif x < 10 then return "small" else return "big" end end
print(cls(-1), cls(0), cls(5), cls(50))
print(nil and 1, false or nil, 1 and 2, nil or "d", false and error("x"), 0 and "zero is true")
print(not nil, not 0, not not "", 1 == 1.0, "1" == 1, {} == {})
