# Command substitution: $(...), backquotes, nesting, trailing newlines, exit status.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
a=$(echo hello)
b=`echo world`
echo "$a $b"
echo "nested: $(echo $(echo $(echo deep)))"
n=$(printf 'x\n\n\n'); echo "stripped:[$n]"
c=$(cat words.txt | wc -l); echo "lines: $c"
v=$(exit 7); echo "status of assignment: $?"
echo "arith: $(( $(seq 1 10 | wc -l) * 3 ))"
for w in $(sort -u words.txt); do printf '%s;' "$w"; done; echo
echo "$(echo out; echo err >&2)" 2>/dev/null
