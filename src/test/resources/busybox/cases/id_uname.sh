# id, whoami, uname, arch, nproc: who and what runs the script (the same for both runners).
# needs: host ids (it prints the uid and gid)
id; id -u; id -g; id -un; id -gn
whoami
uname -s; uname -m; uname -o
[ "$(uname -r)" = "$(uname -r)" ] && echo release stable
arch
[ "$(nproc)" -ge 1 ] && echo nproc positive
