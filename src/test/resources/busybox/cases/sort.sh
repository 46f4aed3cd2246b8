# sort: default, numeric, reverse, unique, keys with a separator, check mode.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sort words.txt
sort -u words.txt | tr '\n' ' '; echo
sort -f words.txt | head -n 3
sort -t, -k2,2n -k1,1 people.csv
sort -t, -k4 -rn people.csv | head -n 2
printf '10\n9\n100\n-3\n2.5\n' | sort -n
printf 'b\na\n' | sort -c; echo "sort -c unsorted -> $?"
printf 'a\nb\n' | sort -c; echo "sort -c sorted -> $?"
