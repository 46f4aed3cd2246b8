#!/usr/bin/env bash
# qemu-binfmt.sh: runs a command in which a riscv64 program's execve works under qemu-user.
#
# qemu-riscv64 hands a guest's execve to the host kernel, which can start a riscv64 ELF only
# through a binfmt_misc handler. When the host has one for riscv64, the command runs as is.
# Otherwise it runs in a new user and mount namespace with its own binfmt_misc instance
# (Linux 6.7 and later give each user namespace one) where qemu-riscv64 is registered, so
# the host's configuration is never changed. Flags: P keeps argv[0] (busybox picks its applet
# by argv[0]); F opens the interpreter now, so it is found whatever the exec's mount view.
# The magic and mask are qemu's own (scripts/qemu-binfmt-conf.sh, riscv64).
#
#   qemu-binfmt.sh --check     prints "host", "private" or "none: WHY"; status 0 unless none
#   qemu-binfmt.sh CMD ARG...  runs CMD so; status 125 with a one-line reason when impossible
#
# RIVET_BINFMT=none pretends it is impossible (to test the callers' skipping).
set -euo pipefail

qemu=$(command -v qemu-riscv64 || true)
magic='\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xf3\x00'
mask='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
# /proc/sys/fs/binfmt_misc shows entries' magic as hex without escapes.
magic_hex=7f454c460201010000000000000000000200f300
bfm=/proc/sys/fs/binfmt_misc

# host_has_handler: an enabled host entry for riscv64 that keeps argv[0] (flag P).
host_has_handler() {
  local e
  [ -f "$bfm/status" ] && [ "$(cat "$bfm/status")" = enabled ] || return 1
  for e in "$bfm"/*; do
    case "${e##*/}" in register|status) continue;; esac
    grep -qx enabled "$e" 2>/dev/null || continue
    grep -q "^magic $magic_hex" "$e" || continue
    grep -q '^flags: .*P' "$e" && return 0
  done
  return 1
}

# register_private: in a new user and mount namespace, mounts that namespace's own
# binfmt_misc (over the host's, when the host has one mounted: the copy seen here is the
# host's, which only the host's root may change) and registers qemu-riscv64 in it.
register_private() {
  mount -t binfmt_misc binfmt_misc "$bfm" 2>/dev/null || return 1
  printf '%s' ":qemu-riscv64:M::$magic:$mask:$qemu:PF" > "$bfm/register" 2>/dev/null
}

mode() {
  [ "${RIVET_BINFMT:-}" = none ] && { echo "none: RIVET_BINFMT=none"; return; }
  [ -n "$qemu" ] || { echo "none: qemu-riscv64 is not installed"; return; }
  if host_has_handler; then echo host; return; fi
  command -v unshare >/dev/null || { echo "none: no unshare(1) for a private binfmt_misc"; return; }
  # A trial registration in a throw-away namespace: the kernel may lack user namespaces or
  # per-namespace binfmt_misc (before 6.7), or forbid mounting it.
  if unshare --user --map-root-user --mount "$0" --inside true >/dev/null 2>&1; then
    echo private
  else
    echo "none: no riscv64 binfmt_misc handler on the host, and no private one can be made here (Linux < 6.7 or user namespaces disabled?)"
  fi
}

case "${1:-}" in
  --check)
    m=$(mode); echo "$m"; [ "${m%%:*}" != none ];;
  --inside)
    shift
    register_private || { echo "qemu-binfmt: cannot register qemu-riscv64 in a private binfmt_misc" >&2; exit 125; }
    exec "$@";;
  "")
    echo "usage: qemu-binfmt.sh --check | CMD ARG..." >&2; exit 2;;
  *)
    m=$(mode)
    case "$m" in
      host) exec "$@";;
      private) exec unshare --user --map-root-user --mount "$0" --inside "$@";;
      *) echo "qemu-binfmt: $m" >&2; exit 125;;
    esac;;
esac
