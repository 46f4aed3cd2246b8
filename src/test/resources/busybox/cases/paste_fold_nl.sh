# paste, fold, nl, rev, tac, expand, unexpand.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
seq 1 6 | paste - - -
paste -d: tree/a.txt tree/sub/c.txt
paste -s -d, words.txt
fold -w 20 lorem.txt | head -n 4
fold -s -w 30 lorem.txt | head -n 3
nl words.txt | head -n 3
nl -b a -w 3 -s ": " tree/b.log
rev words.txt | head -n 3
tac words.txt | head -n 3
printf 'a\tb\tc\n' | expand -t 4
printf 'a       b\n' | unexpand -a | od -c | head -n 1
