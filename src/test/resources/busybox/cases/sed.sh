# sed: substitution, addresses, ranges, delete, print, in-place edit, hold space.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sed 's/apple/APPLE/' words.txt | head -n 4
sed -n '2,4p' words.txt
sed '/^b/d' words.txt
sed -n '/cherry/,/date/p' words.txt
sed 's/\([a-z]*\),\([0-9]*\).*/\2 \1/' people.csv
sed -e 's/a/A/g' -e '1!G;h;$!d' words.txt
cp words.txt w2; sed -i 's/^/> /' w2; head -n 2 w2
sed = tree/b.log
printf 'x\ny\n' | sed '$a\
appended'
