#!/usr/bin/env bash
# busybox.sh: Debian trixie's busybox-static for riscv64 in .cache/busybox (the binary is
# .cache/busybox/usr/bin/busybox), downloaded with apt by scripts/debian-fetch.sh, and its
# applet list (`busybox --list` run under qemu-riscv64, one name a line) in
# .cache/busybox/applets. Idempotent: nothing is downloaded or run when both are there.
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
