# A trapped signal interrupts wait: wait returns 128+signal at once and the trap runs.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
trap 'echo trap USR1 ran' USR1
sleep 5 & p=$!
(while [ ! -e ready ]; do sleep 0.05; done; sleep 0.5; kill -USR1 $$) &
: > ready
wait $p; echo "wait interrupted -> $?"
kill $p 2>/dev/null; wait $p 2>/dev/null; echo "sleep killed -> $?"
wait
echo done
