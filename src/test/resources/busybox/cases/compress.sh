# bzip2, bunzip2, bzcat, lzop, cpio: round trips and listings.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
bzip2 -c lorem.txt | bunzip2 -c | cmp - lorem.txt && echo bzip2 round trip
bzip2 -c words.txt | bzcat | head -n 2
lzop -c lorem.txt | lzop -dc | cmp - lorem.txt && echo lzop round trip
find tree | sort | cpio -o -H newc 2>/dev/null > t.cpio; cpio -t < t.cpio 2>/dev/null | sort
mkdir x && cd x && cpio -id < ../t.cpio 2>/dev/null && cat tree/sub/deeper/d.txt
