# strings, tty, which, dos2unix, unix2dos, shuf with a fixed input size, cal for a fixed month.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
printf 'ab\0\0visible text\0xy\001\002longer string here\n' > bin
strings bin
strings -n 3 bin
tty; echo "tty with /dev/null as stdin -> $?"
printf 'dos\nline\n' | unix2dos | od -c | head -n 1
printf 'dos\r\nline\r\n' | dos2unix | od -c | head -n 1
seq 1 10 | shuf | sort -n | tr '\n' ' '; echo
cal 2 2024
which sh; echo "which sh -> $?"
