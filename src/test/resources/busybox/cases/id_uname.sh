# id, whoami, uname, nproc, logname-free identity (all the same on one machine).
id; id -u; id -g; id -un; id -gn
whoami
uname -s; uname -m; uname -o
[ "$(uname -r)" = "$(uname -r)" ] && echo release stable
arch
[ "$(nproc)" -ge 1 ] && echo nproc positive
