# Orphans, sessions and many children: a grandchild outliving its parent, setsid, xargs -P.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sh -c '(sleep 0.2; echo orphan finished > orphan.txt) & exit 0'
echo "parent gone"
while [ ! -s orphan.txt ]; do sleep 0.05; done; cat orphan.txt
setsid sh -c 'echo in a new session'
seq 1 16 | xargs -P 4 -n 1 sh -c 'echo $0 > f.$0'
cat f.* | sort -n | tr '\n' ' '; echo
for i in $(seq 1 20); do (exit $i) & done; wait; echo "twenty children reaped"
i=0; while [ $i -lt 30 ]; do i=$((i + 1)); true | true; done; echo "thirty pipelines"
