# find: names, types, depth, size, empty, -exec, -print0 and pruning.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
find tree | sort
find tree -name '*.txt' | sort
find tree -type d | sort
find tree -type f -empty
find tree -maxdepth 1 -type f | sort
find tree -mindepth 2 | sort
find tree -name sub -prune -o -type f -print | sort
find tree -type f -size -1k | sort
find tree -name '*.txt' -exec cat {} \; | sort
find tree -type f -name 'd*' -exec echo found {} +
find tree -name 'a*' -print0 | od -c | head -n 2
