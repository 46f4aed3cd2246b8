# wc: lines, words, bytes, several files, stdin.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
wc lorem.txt
wc -l words.txt people.csv
wc -w < lorem.txt
wc -c tree/b.log
printf 'no newline' | wc
wc -L lorem.txt
