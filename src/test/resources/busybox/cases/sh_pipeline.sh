# Pipelines: data through several processes, exit status of the last stage, pipefail.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
seq 1 200 | grep 7 | sort -rn | head -n 4
printf 'b\na\nc\n' | sort | tr a-z A-Z | cat -n
true | false; echo "true|false -> $?"
false | true; echo "false|true -> $?"
set -o pipefail
false | true; echo "pipefail false|true -> $?"
(exit 3) | (exit 0) | (exit 5); echo "pipefail 3|0|5 -> $?"
set +o pipefail
yes pipe | head -n 3
echo done
