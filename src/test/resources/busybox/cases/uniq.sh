# uniq: counts, only duplicates, only unique, ignoring case.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sort words.txt | uniq
sort words.txt | uniq -c
sort words.txt | uniq -d
sort words.txt | uniq -u
printf 'a\nA\na\nb\n' | uniq -i
