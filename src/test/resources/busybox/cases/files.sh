# cp, mv, rm, mkdir, rmdir, touch, ln, chmod, truncate on a small tree.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
mkdir -p a/b/c; ls -R a
cp tree/a.txt a/b/copy; cat a/b/copy
cp -r tree a/tree2; find a/tree2 | sort
mv a/b/copy a/moved; ls a
mv a/moved a/b/c/; ls a/b/c
rm a/b/c/moved; ls a/b/c | wc -l
rmdir a/b/c; rmdir a/b/c 2>&1; echo "rmdir missing -> $?"
mkdir a 2>&1; echo "mkdir existing -> $?"
rm -r a/tree2; rm -rf a; ls a 2>&1; echo "ls removed -> $?"
touch new; ls -l new | cut -c1-10
chmod 640 new; stat -c '%a %n' new
truncate -s 100 new; stat -c %s new
ln tree/a.txt hard; stat -c %h hard
rm no-such 2>&1; echo "rm missing -> $?"; rm -f no-such; echo "rm -f missing -> $?"
