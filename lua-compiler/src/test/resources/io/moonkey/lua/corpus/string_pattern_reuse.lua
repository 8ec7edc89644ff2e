-- One pattern text reused across subjects, inits and nested calls: the parsed items a
-- matcher keeps between calls must never leak a previous subject, position or error.
local ws, num = "^[ \n\r\t]*", "^-?%d+"
local s = "  12 -7\tx  345"
for _, init in ipairs({1, 3, 4, 5, 8, 9, 11, 15, 16, -3, 0, -100}) do
  print(init, string.find(s, ws, init), string.find(s, num, init), string.match(s, num, init))
end
print(string.find("abc", ws), string.find("", ws), string.find("", num))

-- gsub with a table replacement, nothing to replace (same text back) and something to replace
local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t' }
for _, v in ipairs({"plain", "", "q\"uote", "back\\slash", "tab\there\n", 12, -0.5}) do
  print(string.gsub(v, '[%c"\\]', escapes))
end
print(string.gsub("abc", "x", "y", 0), string.gsub("abc", "b", "y", 0), string.gsub("abc", "", "-", 2))

-- a replacement function that searches again with the same and other patterns
local depth = 0
local function repl(w)
  depth = depth + 1
  local inner = depth < 3 and string.gsub(w .. " " .. w, "%a+", repl) or w
  local a, b = string.find(w, "%a+", 2)
  return "<" .. inner .. ":" .. tostring(a) .. "," .. tostring(b) .. ">"
end
print(string.gsub("one two", "%a+", repl))
print(string.gsub("k=v, x=y", "(%w+)=(%w+)", function(k, v)
  return string.gsub(v, "%w+", string.upper) .. "=" .. select(1, string.gsub(k, "%w", "%0%0"))
end))

-- malformed patterns raise every time, and a good pattern still works afterwards
for _, p in ipairs({"[a", "%", "(()", "%b", "%f", "[%", "(a%1)", "x)"}) do
  print(p, pcall(string.find, "abc[", p))
  print(p, pcall(string.gsub, "abc[", p, "z"))
  print(p, pcall(string.match, "abc[", p, 2))
end
print(string.find("abc[", "[[]"), string.gsub("a[b[", "[[]", "%%"))

-- the same bytes as a pattern on one call and a subject on the next
local p = "[%a]+"
print(string.find(p, p), string.gsub(p, p, "#"), string.find("xy" .. p, p, 3))

-- successive gsubs through one reused output buffer: a long result, then short ones, empty
-- matches, anchors and limits
print(#(string.gsub(string.rep("ab", 5000), "a", "xyz")), string.gsub("ab", "a", "x"))
for _, c in ipairs({{"hello world", "o", "0"}, {"abc", "x*", "-"}, {"abc", "^a", "A"}, {"abc", "^x", "X"},
                    {"aaa", "a", "b", 2}, {"", "x*", "y"}, {"a.b.c", "%.", "%%"}, {"abc", "$", "!"},
                    {"  trim  ", "^%s*(.-)%s*$", "%1"}, {"a,b,,c", ",", ";", 0}}) do
  print(string.gsub(c[1], c[2], c[3], c[4]))
end
