# basename, dirname, realpath, readlink, ln -s, pwd.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
basename /usr/lib/libc.so.6; basename /usr/lib/libc.so.6 .6; basename file.tar.gz .gz
basename /; basename trailing/slash/
dirname /usr/lib/libc.so; dirname relative; dirname /; dirname a/b/
ln -s tree/sub link
readlink link
ln -s link link2; readlink -f link2 | sed "s|$PWD|.|"
realpath tree/sub/../a.txt | sed "s|$PWD|.|"
cd link && pwd | sed "s|.*/||" && pwd -P | sed "s|.*/||"
readlink tree/a.txt; echo "readlink of a file -> $?"
