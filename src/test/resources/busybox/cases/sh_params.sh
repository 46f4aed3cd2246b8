# Parameter expansion, IFS splitting, read with IFS, positional parameters, set --.
s=path/to/file.tar.gz
echo "${s#*/} ${s##*/} ${s%.*} ${s%%.*} ${#s}"
echo "${unset:-default} ${unset-other} ${empty:=assigned} $empty"
echo "${s/t/T} ${s//t/T}"
set -- one "two three" four
echo "$# $1 $2 $3"; echo "$*"
for a in "$@"; do echo "[$a]"; done
IFS=: ; set -- $(echo a:b::c); echo "$#"; IFS=' '
while IFS=, read -r name age city score; do echo "$city $name"; done < people.csv
x='  spaced   words  '; echo [$x]; echo "[$x]"
echo ${nonexistent:+alt}end ${s:+alt}
