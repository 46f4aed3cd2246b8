#!/usr/bin/env bash
# rivet-cc.sh (`rivet cc`): gcc for Rivet's guests: static riscv64 musl executables.
# Takes gcc's arguments; adds the musl sysroot's specs and, unless the command only compiles
# (-c, -S, -E) or asks for another kind of output (-static-pie, -shared), -static: Rivet runs
# static programs, and the sysroot has no shared libc to link against anyway.
set -euo pipefail
# Only bash builtins before gcc runs, so the "not installed" answer works with any PATH.
here=${BASH_SOURCE[0]%/*}; [ "$here" = "${BASH_SOURCE[0]}" ] && here=.
top=$(cd "$here/.." && pwd)
sysroot=$top/.cache/musl
specs=$sysroot/usr/lib/riscv64-linux-musl/musl-gcc.specs
cc=${RIVET_CC_GCC:-riscv64-linux-gnu-gcc}

if ! command -v "$cc" >/dev/null 2>&1 || [ ! -f "$sysroot/.ready" ] || [ ! -f "$specs" ]; then
  echo "rivet cc: riscv64 toolchain not installed: run 'make toolchain'" >&2
  exit 1
fi

static=-static
for a in "$@"; do
  case "$a" in
    -static-pie|-shared|-c|-S|-E) static=""; break;;
  esac
done
exec "$cc" -specs "$specs" ${static:+"$static"} "$@"
