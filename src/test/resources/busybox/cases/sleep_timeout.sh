# sleep and timeout: a command finishing in time, one killed, the statuses of both.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sleep 0.1; echo "sleep 0.1 -> $?"
sleep 0; echo "sleep 0 -> $?"
timeout 5 sh -c 'echo inside; exit 4'; echo "finished in time -> $?"
timeout 0.3 sleep 5; echo "timed out -> $?"
timeout -s KILL 0.3 sleep 5; echo "timed out with KILL -> $?"
timeout 5 true; echo "true -> $?"
sleep x 2>&1; echo "bad interval -> $?"
