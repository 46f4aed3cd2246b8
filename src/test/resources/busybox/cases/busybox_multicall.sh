# The multi-call binary itself: "busybox APPLET", --list, links named after applets (argv[0]
# picks the applet), an unknown name, and exec of a copy of the binary.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
# The binary behind PATH's links ("command -v busybox" just says "busybox": it is an applet).
bin=$(readlink -f "${PATH%%:*}/busybox")
busybox echo called as busybox
busybox --list | wc -l
busybox --list | grep -c -x -e sh -e cat -e awk
ln -s "$bin" ./rev; ./rev < words.txt | head -n 2
ln -s "$bin" ./nosuch; ./nosuch 2>&1; echo "unknown applet -> $?"
mkdir c; cp "$bin" c/busybox; c/busybox basename /a/b/c; c/busybox sh -c 'echo "sh of a copy"'
cp "$bin" ./bb; ./bb 2>&1; echo "copy named bb -> $?"
busybox sh -c 'exit 12'; echo "busybox sh -> $?"
