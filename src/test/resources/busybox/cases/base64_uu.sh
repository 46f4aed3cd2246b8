# base64 and uuencode: encode, decode, wrapping, round trips.
# needs: exec (under qemu-riscv64, applets started by execve of busybox itself)
base64 words.txt
base64 lorem.txt | base64 -d | cmp - lorem.txt && echo round trip
echo -n 'any carnal pleas' | base64
echo 'aGVsbG8gd29ybGQK' | base64 -d
echo '!!!' | base64 -d 2>&1; echo "bad base64 -> $?"
uuencode words.txt words.txt | head -n 2
uuencode -m lorem.txt x | uudecode -o - | cmp - lorem.txt && echo uu round trip
