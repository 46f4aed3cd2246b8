# Functions (local, return, recursion, arguments) and case patterns.
greet() { local who=$1; echo "hi $who ($#)"; return 3; }
greet you two; echo "greet -> $?"
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }
echo "10! = $(fact 10)"
v=global; f() { local v=local; echo "in f: $v"; }; f; echo "after f: $v"
args() { for a in "$@"; do printf '<%s>' "$a"; done; echo; shift 2; echo "after shift: $*"; }
args a "b c" d '' e
for w in apple Banana cherry 42 x.txt ''; do
  case $w in
    [aA]*) echo "$w: starts with a";;
    [[:upper:]]*) echo "$w: upper";;
    *[0-9]) echo "$w: ends with a digit";;
    *.txt|*.log) echo "$w: text";;
    '') echo "empty";;
    *) echo "$w: other";;
  esac
done
