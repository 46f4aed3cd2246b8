#!/usr/bin/env bash
# cds-train.sh: after `make build`, runs hello world once under Rivet so the JVM records the
# classes a real run loads into target/rivet.jsa (the launcher's AppCDS archive). Without it
# the first `rivet run` creates the archive itself; then it holds only what that run loaded.
# Best effort: no toolchain yet, or a Rivet that cannot run hello yet, is not a build failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
jsa=target/rivet.jsa
jar=$(ls target/rivet-*.jar 2>/dev/null | head -n1)
[ -n "$jar" ] || exit 0
[ -f "$jsa" ] && [ "$jsa" -nt "$jar" ] && exit 0
rm -f "$jsa"
hello=build/examples/hello
mkdir -p build/examples
if [ ! -x "$hello" ] || [ examples/hello.c -nt "$hello" ]; then
  ./rivet cc -O2 examples/hello.c -o "$hello" 2>/dev/null || hello=""
fi
if [ -n "$hello" ]; then
  timeout 30 ./rivet run "$hello" >/dev/null 2>&1 </dev/null
else
  timeout 30 ./rivet --help >/dev/null 2>&1 </dev/null
fi
exit 0
