-- The sign of NaN results of ^ follows glibc's pow (printed by tostring as nan / -nan).
local nn, pn = 0/0, -(0/0)
for _, b in ipairs({3, 2, 2.5, -1, 0.5, 1, 0}) do print(b, nn ^ b, pn ^ b) end
print(2 ^ nn, 2 ^ pn, (-2) ^ nn, nn ^ nn, pn ^ pn, nn ^ pn, pn ^ nn)
print((-16) ^ 4.5, (-2) ^ 0.5, (-0.5) ^ 1.5, (-1) ^ (1/0), (-1/0) ^ 0.5, 1 ^ nn, nn ^ 0)
print(((2 * -8) ^ (744 % 8.5)) ^ tostring(3))
