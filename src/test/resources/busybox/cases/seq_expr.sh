# seq and expr: ranges, steps, widths, separators; arithmetic, comparison, strings, regexes.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
seq 5
seq 3 7 | tr '\n' ' '; echo
seq 10 -3 1 | tr '\n' ' '; echo
seq -w 8 11
seq -s , 1 5
seq 0.5 0.5 2
expr 7 + 5; expr 20 / 3; expr 20 % 3; expr 3 \* 4
expr 5 \> 3; expr abc = abd; echo "false expr -> $?"
expr length hello; expr substr hello 2 3; expr index hello l
expr match abc123 'abc\([0-9]*\)'; expr foo : 'f\(.*\)'
expr 1 / 0; echo "divide by zero -> $?"
