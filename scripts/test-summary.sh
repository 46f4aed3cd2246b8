#!/usr/bin/env bash
# Prints one closing line for the whole suite from Surefire's XML reports, e.g.
# "tests: 931 passed, 0 failed, 2 skipped", so a quiet Maven run still says what ran.
set -euo pipefail
dir=${1:-target/surefire-reports}
shopt -s nullglob
files=("$dir"/TEST-*.xml)
[ ${#files[@]} -gt 0 ] || { echo "tests: no reports in $dir" >&2; exit 1; }
awk '
  /<testsuite / {
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^tests=/)    { gsub(/[^0-9]/, "", $i); t += $i }
      if ($i ~ /^failures=/) { gsub(/[^0-9]/, "", $i); f += $i }
      if ($i ~ /^errors=/)   { gsub(/[^0-9]/, "", $i); e += $i }
      if ($i ~ /^skipped=/)  { gsub(/[^0-9]/, "", $i); s += $i }
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s }
' "${files[@]}"
