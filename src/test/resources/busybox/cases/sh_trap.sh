# trap: handlers for signals sent to the shell itself, resetting, and the EXIT trap.
trap 'echo "EXIT trap, status $?"' EXIT
trap 'echo got USR1' USR1
kill -USR1 $$
echo after USR1
trap 'echo got HUP; hup=1' HUP
kill -HUP $$
echo "hup=$hup"
trap - USR1
trap '' USR2
kill -USR2 $$
echo USR2 ignored
trap 'echo got TERM' TERM
kill -TERM $$
trap
exit 3
