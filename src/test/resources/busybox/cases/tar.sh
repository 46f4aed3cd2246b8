# tar: create, list, extract, gzip-compressed archives, stdout.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
tar cf t.tar tree
tar tf t.tar | sort
mkdir out && tar xf t.tar -C out && find out -type f | sort && cat out/tree/sub/c.txt
tar czf t.tgz tree/a.txt tree/sub
tar tzf t.tgz | sort
mkdir out2 && (cd out2 && tar xzf ../t.tgz) && cat out2/tree/a.txt
tar cf - tree/b.log | tar xOf - tree/b.log
tar xf no-such.tar 2>&1; echo "missing archive -> $?"
