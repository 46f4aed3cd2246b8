# xargs: batching, -n, -I, -0, running applets, exit statuses.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
seq 1 10 | xargs echo
seq 1 7 | xargs -n 3 echo batch
printf 'a\nb\n' | xargs -I{} echo 'item {} done'
find tree -name '*.txt' -print0 | sort -z | xargs -0 cat
echo words.txt people.csv | xargs wc -l
echo tree/a.txt | xargs cat
printf '1\n2\n' | xargs sh -c 'exit 3'; echo "xargs with failing command -> $?"
printf '' | xargs echo empty input
