# cat (numbering, several files, stdin) and tee (several outputs, append).
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
cat tree/a.txt tree/b.log
cat -n words.txt | head -n 3
cat - tree/a.txt <<EOT
from stdin
EOT
printf 'a\tb\n' | cat -A
echo teed | tee t1 t2; cat t1 t2
echo more | tee -a t1 > /dev/null; cat t1
cat no-such-file; echo "missing -> $?"
seq 1 50000 | cat | cat | wc -l
