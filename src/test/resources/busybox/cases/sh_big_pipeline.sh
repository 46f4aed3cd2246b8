# Larger data through pipes: megabytes across five processes, stdin of a loop, tee.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
seq 1 30000 | sed 's/$/ line/' | grep -v 7 | awk '{ n++; s += $1 } END { print n, s }'
head -c 1000000 /dev/zero | tr '\0' 'z' | md5sum
seq 1 50000 | tee copy | tail -n 1; wc -l < copy
dd if=/dev/zero bs=65536 count=32 2>/dev/null | gzip -1 | gunzip | wc -c
seq 1 2000 | while read -r n; do echo $((n * 2)); done | tail -n 1
