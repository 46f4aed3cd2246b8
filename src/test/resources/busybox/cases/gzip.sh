# gzip, gunzip, zcat: round trips, -c, -d, -t, levels, bad input.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
cp lorem.txt l.txt
gzip l.txt; ls l.txt* ; gunzip l.txt.gz; cmp l.txt lorem.txt && echo round trip
gzip -c words.txt | gunzip -c | md5sum
gzip -9 -c lorem.txt > l9.gz; gzip -1 -c lorem.txt > l1.gz; zcat l9.gz | wc -c; gzip -t l1.gz && echo valid
gzip -dc l9.gz | head -n 1
echo not gzip > bad.gz; gunzip -c bad.gz; echo "bad input -> $?"
seq 1 20000 | gzip -c | zcat | tail -n 1
