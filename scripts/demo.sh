#!/usr/bin/env bash
# demo.sh (`make demo`): compiles the examples with `rivet cc` and runs each under `rivet run`.
# The last one faults on purpose: Rivet reports it the way a shell does, with status 139
# (128 + SIGSEGV), which is the expected outcome here, not a demo failure.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/build-guest.sh
bin=build/examples
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
show() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"; }

show ./rivet run $bin/hello
./rivet run $bin/hello

show ./rivet run $bin/compute
./rivet run $bin/compute

show ./rivet run $bin/files
./rivet run $bin/files

show ./rivet run $bin/segv
status=0
./rivet run $bin/segv || status=$?
echo "(exit status $status)"
if [ "$status" != 139 ]; then
  echo "demo: segv should end with status 139 (SIGSEGV), got $status" >&2
  exit 1
fi
