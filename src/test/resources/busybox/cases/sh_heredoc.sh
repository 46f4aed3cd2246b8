# Here-documents: expanded, quoted (literal), tab-stripped, into loops and commands.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
name=world
cat <<EOT
hello $name
sum $((2 + 3))
cmd $(echo subst)
EOT
cat <<'EOT'
literal $name $(not run)
EOT
cat <<-EOT
	tabs stripped
		only leading tabs
	EOT
while read -r a b; do echo "[$b|$a]"; done <<EOT
1 one
2 two
3 three
EOT
tr a-z A-Z <<EOT | rev
shout
EOT
cat <<A; cat <<B
first
A
second
B
