# mkfifo, a writer and a reader meeting on it; du-free sizes; sync; ln -f; unlink.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
mkfifo p; ls -l p | cut -c1
(echo through the fifo > p) &
cat p
wait
sync; echo "sync -> $?"
echo one > a; echo two > b; ln -f a b; cat b
unlink b; ls b 2>&1; echo "unlink -> $?"
