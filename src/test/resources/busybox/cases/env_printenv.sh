# env (this busybox has no printenv): the fixed environment, -i, -u, setting, running commands.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
env | sort
env | grep -E '^(TZ|LANG)='
awk 'BEGIN { print "awk sees TZ=" ENVIRON["TZ"] }'
# Sorted: qemu-user hands its guest the environment in reverse order (Linux keeps it).
env -i A=1 B=2 env | sort
env -u TZ sh -c 'echo "TZ=${TZ:-unset}"'
FOO=bar env | grep FOO
env X=y sh -c 'echo $X'
env no-such-command 2>&1; echo "env missing command -> $?"
