# The shell dies of SIGABRT (a core-dumping signal) after a pipeline: status 128+6.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
seq 3 | tr '\n' ' '; echo
kill -ABRT $$
echo never
