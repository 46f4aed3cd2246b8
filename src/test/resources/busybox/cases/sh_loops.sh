# Loops: for, while, until, break and continue (with levels), arithmetic.
for i in 1 2 3; do printf '%s ' "$i"; done; echo
i=0; while [ $i -lt 5 ]; do i=$((i + 1)); [ $i -eq 2 ] && continue; printf 'w%s ' $i; done; echo
n=10; until [ $n -le 7 ]; do n=$((n - 1)); done; echo "until -> $n"
for a in x y z; do for b in 1 2 3; do [ $b = 2 ] && continue 2; [ $a = z ] && break 2; echo "$a$b"; done; done
total=0; for k in $(seq 1 100); do total=$((total + k)); done; echo "sum 1..100 = $total"
seq 3 | while read -r l; do echo "read $l"; done
x=1; while :; do x=$((x * 2)); [ $x -gt 1000 ] && break; done; echo "x=$x"
echo "$(( 7 / 2 )) $(( 7 % 3 )) $(( 1 << 10 )) $(( -5 + 2 )) $(( 3 > 2 ))"
