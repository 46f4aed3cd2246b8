#!/usr/bin/env bash
# guest-tap.sh [rivet|qemu] [NAME...]: runs guest TAP tests (guest/tests/NAME.c, all by
# default) under one runner without Maven, printing failing lines and a summary per test —
# the quick loop while fixing a syscall. The JUnit runner (GuestTapTest) is the real check.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
runner=${1:-rivet}; shift || true
case "$runner" in rivet|qemu) ;; *) echo "usage: guest-tap.sh [rivet|qemu] [NAME...]" >&2; exit 2;; esac
scripts/build-guest.sh
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for c in guest/tests/*.c; do names+=("$(basename "$c" .c)"); done
fi
export RIVET_TAP_ENV=yes RIVET_TAP_RUNNER=$runner
bad=0
for n in "${names[@]}"; do
  bin=build/guest/tests/$n
  [ -x "$bin" ] || { echo "$n: no such guest test" >&2; bad=1; continue; }
  if [ "$runner" = rivet ]; then
    cmd=(./rivet run --env RIVET_TAP_ENV=yes --env RIVET_TAP_RUNNER=rivet -- "$bin")
  else
    cmd=(qemu-riscv64 "$bin")
  fi
  status=0
  out=$(timeout 120 "${cmd[@]}" tap-arg "two words" </dev/null 2>&1) || status=$?
  plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' <<<"$out" | head -n1)
  passed=$(grep -c '^ok ' <<<"$out" || true)
  failed=$(grep -c '^not ok ' <<<"$out" || true)
  grep -v '^ok \|^1\.\.' <<<"$out" | sed "s/^/  /" || true
  verdict=ok
  if [ "$status" != 0 ] || [ "$failed" != 0 ] || [ -z "$plan" ] || [ "$plan" != $((passed + failed)) ]; then
    verdict=FAIL; bad=1
  fi
  echo "$n: $verdict ($passed passed, $failed failed, plan ${plan:-missing}, exit status $status)"
done
exit $bad
