# Redirections: >, >>, <, 2>&1, fd duplication and closing, exec with fds, noclobber, <>.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
echo one > f; echo two >> f; cat f
wc -l < f
ls no-such-file > out 2>&1; echo "ls -> $?"; cat out
ls no-such-file 2>/dev/null; echo "quiet -> $?"
exec 3> fd3; echo "to fd 3" >&3; exec 3>&-; cat fd3
exec 4< f; read -r first <&4; read -r second <&4; exec 4<&-; echo "$first/$second"
set -C; (echo clobber > f) 2>/dev/null || echo "noclobber refused"; echo forced >| f; set +C; cat f
echo abcdef > rw; exec 5<> rw; read -r l <&5; echo "read $l"; exec 5>&-
{ echo out; echo err >&2; } 2>&1 >/dev/null | sed 's/^/piped: /'
echo "$(echo x 1>&2)" 2>&1
