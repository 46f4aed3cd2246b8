# Nested shells and exec: environment passes down, exec replaces the shell.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
export OUTER=visible; INNER_ONLY=hidden
sh -c 'echo "child sees OUTER=$OUTER INNER_ONLY=$INNER_ONLY"'
sh -c 'sh -c "sh -c \"echo three levels\""'
sh -c 'exec echo replaced by exec; echo never'
(exec sh -c 'exit 6'); echo "exec in subshell -> $?"
VAR=temp sh -c 'echo "one-shot VAR=$VAR"'; echo "after: VAR=${VAR:-unset}"
printf '#!/bin/sh\necho script with args: "$@"\nexit 2\n' > s.sh
sh s.sh a b; echo "sh s.sh -> $?"
sh -s x y <<'EOT'
echo "from stdin: $1 $2"
EOT
