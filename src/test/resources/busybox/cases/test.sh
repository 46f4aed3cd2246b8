# test, [ and [[: strings, numbers, files, combinations, statuses.
t() { if "$@"; then echo "$*: true"; else echo "$*: false"; fi; }
t test 3 -lt 4; t test abc = abd; t [ -n "" ]; t [ -z "" ]
t [ -f words.txt ]; t [ -d tree ]; t [ -e no-such ]; t [ -s tree/sub/empty ]
t [ 10 -ge 10 -a 1 -ne 2 ]; t [ ! -d words.txt ]; t [ x -o "" ]
t [ words.txt -nt no-such ]; t [ -r words.txt ]; t [ -x tree ]
ln -s words.txt sl; t [ -L sl ]; t [ -h words.txt ]
t [[ abc == a* ]]; t [[ -n x && 1 -lt 2 ]]
[ 1 -eq ]; echo "bad expression -> $?"
test; echo "empty test -> $?"
