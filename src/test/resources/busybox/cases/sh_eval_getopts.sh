# eval, getopts, shift, command, type of builtins, printf %q-free quoting.
eval 'x=1; y=$((x + 1))'; echo "x=$x y=$y"
cmd='echo evaluated "with args"'; eval "$cmd"
parse() {
  OPTIND=1
  while getopts 'ab:c' o; do
    case $o in a) echo opt a;; b) echo "opt b=$OPTARG";; c) echo opt c;; *) echo bad option;; esac
  done
  shift $((OPTIND - 1)); echo "rest: $*"
}
parse -a -b val -c file1 file2
parse -ac -bX -- -notopt
parse -z 2>&1
command echo via command
set -- x y z; shift; echo "$@"
