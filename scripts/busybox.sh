#!/usr/bin/env bash
# busybox.sh: Debian trixie's busybox-static for riscv64 in .cache/busybox (the binary is
# .cache/busybox/usr/bin/busybox), downloaded with apt by scripts/debian-fetch.sh, and its
# applet list (`busybox --list` run under qemu-riscv64, one name a line) in
# .cache/busybox/applets, and a directory of links to it named after the applets,
# .cache/busybox/bin, for PATH: some applets (tar's compressors, for one) find others by
# searching PATH, which must then not lead to the host's own programs.
# Idempotent: nothing is downloaded or run when all three are there.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dir="$top/.cache/busybox"
bin="$dir/usr/bin/busybox"

if [ ! -f "$dir/.ready" ] || [ ! -x "$bin" ]; then
  echo "busybox: fetching busybox-static (riscv64)" >&2
  "$top/scripts/debian-fetch.sh" busybox-static --into "$dir"
fi
if [ ! -s "$dir/applets" ]; then
  command -v qemu-riscv64 >/dev/null || { echo "busybox: qemu-riscv64 is missing (run scripts/toolchain.sh)" >&2; exit 1; }
  qemu-riscv64 "$bin" --list > "$dir/applets.tmp.$$"
  mv "$dir/applets.tmp.$$" "$dir/applets"
fi
if [ ! -f "$dir/bin/.ready" ]; then
  rm -rf "$dir/bin.tmp.$$"; mkdir "$dir/bin.tmp.$$"
  while read -r a; do ln -s ../usr/bin/busybox "$dir/bin.tmp.$$/$a"; done < "$dir/applets"
  touch "$dir/bin.tmp.$$/.ready"
  rm -rf "$dir/bin"; mv "$dir/bin.tmp.$$" "$dir/bin"
fi
