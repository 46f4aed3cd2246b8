# grep: plain, -i, -v, -c, -n, -o, -E, -F, -r, -l, -w, exit statuses.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
grep an words.txt
grep -i elder words.txt
grep -v a words.txt
grep -c apple words.txt
grep -n Oslo people.csv
grep -o 'a[a-z]' words.txt | head -n 4
grep -E '^(fig|date)$' words.txt
grep -F '.' people.csv | head -n 2
grep -r a tree | sort
grep -rl ta tree | sort
grep -w 'ut' lorem.txt | wc -l
grep -q banana words.txt; echo "found -> $?"
grep -q kiwi words.txt; echo "missing -> $?"
grep kiwi no-such-file; echo "no file -> $?"
egrep 'ap+le' words.txt | head -n 1; fgrep -x fig words.txt
