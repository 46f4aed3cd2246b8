# true, false, yes | head (yes ends on a closed pipe), usleep.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
true; echo "true -> $?"
false; echo "false -> $?"
yes | head -n 3
yes hello world | head -n 2
yes | head -c 1000000 | wc -c
usleep 1000; echo "usleep -> $?"
