-- #t answered from the remembered dense prefix must follow every hole, clear and regrowth.
local t = {}
for i = 1, 40 do t[#t + 1] = i end
t[#t] = nil t[#t] = nil
print(#t)
t[10] = nil
print(#t)
t[#t + 1] = "a" t[#t + 1] = "b"
print(#t, t[10], t[11], t[39], t[40])
for i = 1, 40 do t[i] = nil end
print(#t)
for i = 1, 70 do t[#t + 1] = i end
print(#t, t[70])
local u = {n = 1}
u[1] = 1 u[2] = 2 u[4] = 4
print(#u)
local function f(...) return {...} end
local v = f(1, 2, nil, 4, nil)
v[#v + 1] = "x"
print(#v, v[5], v[6])
local w = {1, 2, 3, nil, 5, f(6, 7, 8)}
w[#w + 1] = 9
print(#w, w[9], w[10])
local q = {}
for i = 1, 20 do table.insert(q, i) end
table.insert(q, 1, 0) table.remove(q) table.remove(q, 5)
print(#q, q[1], q[5], q[19], q[20])
for i = 1, 25 do table.remove(q) end
print(#q)
local h = {}
h[1.0] = 1 h[2] = 2 h["3"] = 3 h[3] = 3 h[5] = 5
print(#h)
