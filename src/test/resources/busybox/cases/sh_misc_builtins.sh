# Small things scripts lean on: read -t, umask, mktemp, du, getopt, hostname, stty, test -t.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
read -r line < /dev/null; echo "read at EOF -> $?"
sleep 1 | { read -t 0.2 x; echo "read -t timed out -> $?"; }
echo typed | { read -t 5 x; echo "read -t got $x -> $?"; }
umask 027; touch u; mkdir ud; stat -c '%a %n' u ud; umask; umask -S
d=$(mktemp -d); [ -d "$d" ] && echo "mktemp -d made a directory"; rmdir "$d"
f=$(mktemp -p .); [ -f "$f" ] && echo "mktemp -p . made a file"; rm "$f"
du -s tree; du -a tree | sort -k2
getopt -o ab:c -l long,with: -- -a -b x --long --with=y rest more
getopt -o a -- -z 2>&1; echo "getopt bad option -> $?"
hostname
stty 2>&1; echo "stty without a tty -> $?"
test -t 0; echo "stdin is a tty -> $?"
test -t 1; echo "stdout is a tty -> $?"
