# SIGPIPE: writers into a pipe whose reader has gone die of it (status 141 with pipefail).
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
yes | head -n 1
set -o pipefail
yes | head -n 1; echo "yes|head -> $?"
seq 1 1000000 | head -n 2; echo "seq|head -> $?"
# With SIGPIPE ignored the write fails with EPIPE instead; the loop ends on the first failure.
sh -c 'trap "" PIPE; while :; do echo x || exit 7; done' | head -n 1; echo "ignored PIPE -> $?"
