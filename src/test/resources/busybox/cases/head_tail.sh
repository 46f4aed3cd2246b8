# head and tail: lines, bytes, from a line, several files, negative counts.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
head -n 3 words.txt
head -c 10 lorem.txt; echo
tail -n 2 words.txt
tail -c 12 lorem.txt
tail -n +9 words.txt
head -n -8 words.txt
head -n 1 words.txt people.csv
seq 1 100000 | tail -n 1
seq 1 100000 | head -n 2
