local words = {"banana", "Apple", "cherry", "apple", "10", "9", ""}
table.sort(words)
print(table.concat(words, ","))
local nums = {3, 1.5, -2, 10, 0}
table.sort(nums) print(table.concat(nums, ","))
