# cmp and diff: equal, different, unified diffs, statuses, patch.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
cp words.txt w2; cmp words.txt w2; echo "cmp equal -> $?"
sed 's/fig/FIG/' words.txt > w3
cmp words.txt w3; echo "cmp different -> $?"
cmp -l words.txt w3 | head -n 3
diff words.txt w2; echo "diff equal -> $?"
diff -u words.txt w3 | tail -n +3; diff words.txt w3 > /dev/null; echo "diff different -> $?"
diff -u words.txt w3 > p.diff; patch -p0 words.txt < p.diff; cmp words.txt w3 && echo patched
diff -r tree tree; echo "diff -r same -> $?"
diff no-such w2 2>&1; echo "diff missing -> $?"
