# /proc/self/exe as a path for readlink, open and execve (the rest of /proc belongs to the
# files issue; /proc/PID of another process is not comparable: qemu emulates only "self").
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
readlink /proc/self/exe
head -c 4 /proc/self/exe | od -c | head -n 1
cmp /proc/self/exe "$(readlink /proc/self/exe)" && echo "same bytes as the file it names"
/proc/self/exe 2>&1; echo "exec of /proc/self/exe as 'exe' -> $?"
sh -c 'exec -a cat /proc/self/exe tree/a.txt' 2>&1; echo "exec -a cat /proc/self/exe -> $?"
readlink /proc/self/fd/0
