# '&' and wait: $! names the job, wait returns its status, wait with no argument waits for all.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sleep 0.1 & p=$!
wait $p; echo "sleep job -> $?"
(exit 7) & wait $!; echo "exit 7 job -> $?"
sh -c 'exit 9' & q=$!
wait $q; echo "sh job -> $?"
for i in 1 2 3 4 5; do (echo "job $i" > out.$i) & done
wait
cat out.1 out.2 out.3 out.4 out.5
(sleep 0.2; echo late > late.txt) &
wait
cat late.txt
wait; echo "wait without jobs -> $?"
