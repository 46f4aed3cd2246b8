#!/usr/bin/env bash
# Differential CPU fuzzer: random RV64IMAFDC+Zicsr+Zifencei+Zba/Zbb/Zbs sequences run under
# qemu-riscv64 and on Rivet's CPU, compared register by register (see docs/fuzzing.md).
#   scripts/fuzz.sh N [SEED]            run N sequences (random seed when omitted)
#   scripts/fuzz.sh --case SEED INDEX   rerun one sequence, minimised and disassembled if it differs
#   a leading --no-fp-arith keeps FP to loads/stores/fmv (integer side only)
# Ends with "fuzz: N sequences, D differences"; exits non-zero when D > 0.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ $# -ge 1 ] && [ -n "$1" ] || set -- 2000
mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss8m \
  -cp "target/classes:target/test-classes:target/lib/*" dev.rivet.fuzz.FuzzMain "$@"
