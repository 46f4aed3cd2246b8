# Subshells: their own variables, directory and exit status; groups share the shell's.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
x=outer
(x=inner; echo "in: $x"); echo "out: $x"
(cd tree/sub && ls); pwd | sed 's|.*/||'
(exit 3); echo "subshell exit -> $?"
{ echo one; echo two; } | wc -l
{ y=group; }; echo "group set y=$y"
( ( ( echo nested three deep ) ) )
(echo to-stderr >&2) 2>&1 | tr a-z A-Z
echo "depth $( (echo a; (echo b)) | wc -l)"
