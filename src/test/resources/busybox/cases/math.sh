# bc, dc and factor: arbitrary precision and factoring.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
echo '2^100' | bc
echo 'scale=20; 4*a(1)' | bc -l
echo '1234567890 * 987654321' | bc
echo '3 4 + 5 * p' | dc
factor 360 1001 4294967297
echo 'x=0; for (i = 1; i <= 10; i++) x += i; x' | bc
