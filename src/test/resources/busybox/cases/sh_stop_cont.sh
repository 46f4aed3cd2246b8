# SIGSTOP and SIGCONT to a background job, then kill: the job ends with the last signal.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
# ash may or may not say "Terminated" for the job, depending on when it reaps it.
exec 3>&2 2>/dev/null
sleep 5 & p=$!
kill -STOP $p; echo "stop -> $?"
kill -CONT $p; echo "cont -> $?"
kill $p; wait $p; echo "after TERM -> $?"
exec 2>&3 3>&-
(trap 'echo continued' CONT; : > ready; while [ ! -e go ]; do sleep 0.05; done) & q=$!
while [ ! -e ready ]; do sleep 0.05; done
kill -STOP $q; kill -CONT $q; : > go; wait $q; echo "trapped CONT job -> $?"
