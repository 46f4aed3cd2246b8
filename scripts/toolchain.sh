#!/usr/bin/env bash
# Installs what Rivet's build, tests and `rivet cc` need, only what is missing:
#   - gcc-riscv64-linux-gnu, qemu-user and linux-libc-dev-riscv64-cross from the machine's apt sources;
#   - the riscv64 musl sysroot from Debian trixie's musl-dev:riscv64, prepared into
#     .cache/musl (debug sections stripped: bookworm's linker cannot read trixie's).
# The Debian mirror is read from this machine's apt sources; none is written here.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache="$top/.cache"
sysroot="$cache/musl"
mkdir -p "$cache"

need=()
command -v riscv64-linux-gnu-gcc >/dev/null || need+=(gcc-riscv64-linux-gnu)
command -v qemu-riscv64 >/dev/null || need+=(qemu-user)
# The riscv64 kernel headers: struct layouts are checked against them in the tests.
[ -f /usr/riscv64-linux-gnu/include/asm/unistd.h ] || need+=(linux-libc-dev-riscv64-cross)
command -v make >/dev/null || need+=(make)
if [ ${#need[@]} -gt 0 ]; then
  echo "toolchain: installing ${need[*]}" >&2
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ -f "$sysroot/.ready" ] && exit 0
exec "$top/scripts/debian-fetch.sh" musl-dev --into "$sysroot" --prepare-musl
