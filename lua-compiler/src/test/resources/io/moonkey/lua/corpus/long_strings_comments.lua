local s = [[
line1
line2]]
print(s, #s)
local t = [==[with ]] inside]==]
print(t)
--[[ block
comment ]] print("after comment")
--[==[ x ]==] print("after level comment")
