# cut (fields, characters, delimiters) and tr (ranges, delete, squeeze, complement).
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
cut -d, -f1,3 people.csv
cut -c1-3 words.txt | head -n 4
cut -d, -f2- people.csv | tail -n 1
echo 'a:b:c:d' | cut -d: -f 2,4
tr a-z A-Z < words.txt | head -n 3
echo 'hello   world' | tr -s ' '
echo 'hello world 123' | tr -d 'lo0-9'
echo 'abc-def' | tr -c 'a-z' '_'
echo 'tabs	and	spaces' | tr '\t' ' '
