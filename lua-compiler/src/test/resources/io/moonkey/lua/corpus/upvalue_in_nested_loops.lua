local fns = {}
for i = 1, 2 do
  for j = 1, 2 do
    local k = i * 10 + j
    fns[#fns + 1] = function() k = k + 1; return i, j, k end
  end
end
for _, f in ipairs(fns) do print(f()) end
print(fns[1]())
