# set -x traces commands on stderr; set -v and -u errors appear on stderr too.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
set -x
a=1
echo "a is $a"
b=$(echo sub)
set +x
echo "no trace"
sh -c 'set -u; echo "$undefined_var"' ; echo "set -u -> $?"
