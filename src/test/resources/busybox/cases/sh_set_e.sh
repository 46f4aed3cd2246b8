# set -e: a failing command ends the shell, except in conditions, ||, && lists and negations.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
set -e
false || echo "|| rescued"
if false; then echo no; else echo "if condition ok"; fi
! true
true && false || echo "&& list ok"
while false; do :; done
echo "$(false; echo subst keeps going)"
(set -e; false; echo never in subshell) || echo "subshell failed -> $?"
echo before the failure
sh -c 'exit 4'
echo never printed
