# od, hexdump and xxd on the same bytes, in several formats.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
printf 'Hello, riscv!\n\001\377\000' > bin
od -c bin
od -An -tx1 bin
od -tx2 -N 8 bin
od -Ad -to1 bin
hexdump -C bin
hexdump -e '4/1 "%02x " "\n"' bin
xxd bin
xxd -p bin
xxd -p bin | xxd -r -p | cmp - bin && echo xxd round trip
