# kill: terminating background jobs, the statuses wait reports, kill -0, kill -l, a trapping child.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
# Whether ash reports "Terminated" for a background job depends on when it reaps it: the
# job section's stderr is dropped so that timing cannot change the output.
exec 3>&2 2>/dev/null
sleep 10 & p=$!
kill $p; wait $p; echo "TERM -> $?"
sleep 10 & p=$!
kill -9 $p; wait $p; echo "KILL -> $?"
sleep 10 & p=$!
# Not INT: a background job ignores SIGINT, but only from a moment after $! is known.
kill -s HUP $p; wait $p; echo "HUP -> $?"
(trap 'echo child caught TERM; exit 5' TERM; : > ready; while :; do sleep 0.05; done) & p=$!
while [ ! -e ready ]; do sleep 0.05; done
kill -TERM $p; wait $p; echo "trapping child -> $?"
exec 2>&3 3>&-
kill -0 $$; echo "kill -0 self -> $?"
kill -l 15; kill -l 9
kill -0 999999 2>&1; echo "kill -0 no such pid -> $?"
