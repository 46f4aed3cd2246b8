# Exit statuses: of commands, sh -c, negation, missing and non-executable commands, signals.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
sh -c 'exit 3'; echo "exit 3 -> $?"
sh -c 'exit 256'; echo "exit 256 -> $?"
sh -c 'exit 255'; echo "exit 255 -> $?"
false; echo "false -> $?"
! true; echo "! true -> $?"
! false; echo "! false -> $?"
no_such_command_here 2>/dev/null; echo "not found -> $?"
printf 'echo hi\n' > script; chmod 644 script
./script 2>/dev/null; echo "not executable -> $?"
chmod 755 script; ./script; echo "executable script -> $?"
sh -c 'kill -TERM $$'; echo "killed by TERM -> $?"
sh -c 'kill -KILL $$'; echo "killed by KILL -> $?"
if sh -c 'exit 1'; then echo yes; else echo "else branch -> $?"; fi
exit 42
