# stat -c with formats that do not depend on the machine: names, sizes, types, modes, links.
stat -c '%n %s %F' words.txt tree tree/sub/empty
chmod 754 words.txt; stat -c '%a %A' words.txt
ln -s words.txt sl; stat -c '%N %F' sl; stat -L -c '%F %s' sl
stat -c '%h' tree/sub
touch -d '2001-02-03 04:05:06' words.txt; stat -c '%Y %y' words.txt
stat no-such 2>&1; echo "stat missing -> $?"
