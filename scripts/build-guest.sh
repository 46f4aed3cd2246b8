#!/usr/bin/env bash
# build-guest.sh: compiles the guest C programs with `rivet cc`, only those out of date:
#   guest/tests/*.c -> build/guest/tests/NAME   (TAP tests; they include guest/tests/tap.h)
#   guest/programs/*.c -> build/guest/programs/NAME   (output compared with qemu's)
#   examples/*.c    -> build/examples/NAME
# Used by `make guest`, `make demo` and the JUnit guest-test runner, so flags live here only.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
flags=(-O2 -g -Wall -Wextra -Wno-unused-parameter)

build_dir() { # SRC_DIR OUT_DIR EXTRA_DEP
  local src=$1 out=$2 dep=$3 c bin
  mkdir -p "$out"
  for c in "$src"/*.c; do
    [ -e "$c" ] || continue
    bin=$out/$(basename "$c" .c)
    if [ ! -x "$bin" ] || [ "$c" -nt "$bin" ] || { [ -n "$dep" ] && [ "$dep" -nt "$bin" ]; }; then
      ./rivet cc "${flags[@]}" "$c" -o "$bin.tmp" -lm
      mv "$bin.tmp" "$bin"
    fi
  done
}
build_dir guest/tests build/guest/tests guest/tests/tap.h
build_dir guest/programs build/guest/programs ""
build_dir examples build/examples ""
