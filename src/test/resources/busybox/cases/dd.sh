# dd: block sizes, counts, skip, seek, conv, from /dev/zero, statistics on stderr.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
dd if=lorem.txt of=part bs=10 count=3 2>/dev/null; cat part; echo
dd if=lorem.txt bs=1 skip=6 count=5 2>/dev/null; echo
dd if=/dev/zero bs=1024 count=64 2>/dev/null | wc -c
dd if=words.txt conv=ucase 2>/dev/null | head -n 2
printf 'XXXX' | dd of=part bs=1 seek=2 conv=notrunc 2>/dev/null; cat part; echo
dd if=words.txt of=/dev/null bs=16 2>&1 | head -n 2
dd if=no-such 2>&1; echo "dd missing -> $?"
