# awk: fields, separators, patterns, arrays, printf, arithmetic, functions, BEGIN/END.
awk -F, 'NR > 1 { sum += $4; n++ } END { printf "avg %.3f of %d\n", sum / n, n }' people.csv
awk -F, 'NR > 1 { by[$3]++ } END { for (c in by) print c, by[c] }' people.csv | sort
awk '{ print NR": "toupper(substr($0, 1, 1)) substr($0, 2) }' words.txt | head -n 3
awk 'length($0) > 5' words.txt
awk 'BEGIN { x = 1024; printf "%d %x %o %e\n", x, 255, 8, 12345.678 }'
awk 'function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(12) }'
awk -v who=var 'BEGIN { print "hello " who; split("a:b:c", p, ":"); print p[3] }'
echo "one two three" | awk '{ $2 = "TWO"; print; print NF }'
awk 'BEGIN { print index("hello", "ll"), match("foobar", /ob/), RSTART, RLENGTH }'
awk 'BEGIN { s = "aaa"; gsub(/a/, "b", s); print s; print sprintf("%5s|%-5s|", "r", "l") }'
