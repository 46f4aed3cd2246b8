#!/usr/bin/env bash
# Builds the compute benchmarks in guest/bench for riscv64 (musl, static) and for the host,
# runs each natively, under qemu-riscv64 and under Rivet in the same run, checks that all
# three print the same checksum, and writes the results into docs/benchmarks.md (between
# the "bench:begin/end" markers, keeping the hand-written text around them) and to stdout.
#
# Exit status: non-zero if a benchmark fails to build, or native and qemu disagree (then the
# benchmark itself is wrong). Rivet being absent, slow or wrong is reported in the table
# ("n/a", "timeout", "wrong", "failed"), not as a failure of this script, so the table can
# track Rivet while it is being written.
#
# Knobs (environment):
#   BENCH_ONLY="crc32 sort"   run a subset
#   TBENCH_ONLY="par clock"   a subset of the thread and process benchmarks (par mutex
#                             pingpong spawn clock fork pipe), reported in a second table; empty runs none
#   BENCH_TIMEOUT=50          seconds allowed per Rivet run (native and qemu get the same)
#   BENCH_BUDGET=420          seconds of Rivet time in total; later Rivet runs are skipped
#   BENCH_RUNS=3              runs of each benchmark per engine (the medians are reported)
#   BENCH_HELLO_RUNS=5        runs of hello-world per engine (the median is reported)
#   RIVET_RUN="./rivet run"   how to start a guest under Rivet
#   PBENCH_ONLY, PIPE_MIB, PIPE_TIMEOUT: the pipe and signal benchmarks (see their section)
#   BENCH_DOC=docs/benchmarks.md, BENCH_NO_DOC=1 to only print
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

benches=${BENCH_ONLY:-"crc32 sort sieve matmul coremix nbody sha256"}
timeout_s=${BENCH_TIMEOUT:-50}
budget_s=${BENCH_BUDGET:-420}
hello_runs=${BENCH_HELLO_RUNS:-5}
runs=${BENCH_RUNS:-3}
doc=${BENCH_DOC:-docs/benchmarks.md}
src=guest/bench
out=build/bench
# -ffp-contract=off: without it riscv64 gcc fuses a*b+c into fmadd while x86-64 (no FMA by
# default) rounds twice, and the floating-point checksums could not be compared.
cflags=(-O2 -ffp-contract=off)
musl_specs=${MUSL_SPECS:-$top/.cache/musl/usr/lib/riscv64-linux-musl/musl-gcc.specs}

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
read -r -a rivet_run <<<"${RIVET_RUN:-$top/rivet run}"

log() { echo "bench: $*" >&2; }
now_ns() { date +%s%N; }

# ---------------------------------------------------------------- build
mkdir -p "$out/native" "$out/riscv64"

# The riscv64 compiler: `rivet cc` once it exists and works, else the cross gcc with the
# musl specs, which is what `rivet cc` wraps, so the binaries are the same either way.
is_riscv_elf() {
  # e_machine (offset 18, little-endian) is 243 (0xf3) for RISC-V.
  [ -f "$1" ] && [ "$(od -An -tx1 -j18 -N1 "$1" | tr -d ' ')" = f3 ]
}
rv_cc_name="riscv64-linux-gnu-gcc -specs musl-gcc.specs -static"
rv_cc=(riscv64-linux-gnu-gcc -specs "$musl_specs" -static)
if [ -x ./rivet ] && ./rivet cc "${cflags[@]}" -o "$out/riscv64/.probe" "$src/hello.c" >/dev/null 2>&1 \
   && is_riscv_elf "$out/riscv64/.probe"; then
  rv_cc=(./rivet cc)
  rv_cc_name="rivet cc"
elif [ ! -f "$musl_specs" ]; then
  log "no musl sysroot at $musl_specs (run scripts/toolchain.sh)"
  exit 1
fi
rm -f "$out/riscv64/.probe"

build_failed=0
build() {  # name
  local name=$1 c="$src/$1.c"
  if [ ! "$out/native/$name" -nt "$c" ] || [ ! "$out/native/$name" -nt "$src/bench.h" ] \
     || [ ! "$out/native/$name" -nt "$src/tbench.h" ]; then
    gcc "${cflags[@]}" -o "$out/native/$name" "$c" -lm || { log "native build of $name failed"; build_failed=1; }
  fi
  if [ ! "$out/riscv64/$name" -nt "$c" ] || [ ! "$out/riscv64/$name" -nt "$src/bench.h" ] \
     || [ ! "$out/riscv64/$name" -nt "$src/tbench.h" ]; then
    "${rv_cc[@]}" "${cflags[@]}" -o "$out/riscv64/$name" "$c" -lm || { log "riscv64 build of $name failed"; build_failed=1; }
  fi
}
log "building with gcc (native) and $rv_cc_name (riscv64)"
tbenches=${TBENCH_ONLY-"par mutex pingpong spawn clock fork pipe"}
cflags+=(-pthread)
for b in hello $benches $tbenches; do build "$b"; done
[ "$build_failed" = 0 ] || exit 1

# ---------------------------------------------------------------- running
declare -A wall steady status sum
rivet_spent_ns=0

# run ENGINE NAME: runs one benchmark, records wall time (ms), steady-state time (ms),
# checksum and status (ok, timeout, failed, skipped).
run() {
  local engine=$1 name=$2 cmd
  case $engine in
    native) cmd=("$out/native/$name") ;;
    qemu) cmd=(qemu-riscv64 "$out/riscv64/$name") ;;
    rivet) cmd=("${rivet_run[@]}" "$out/riscv64/$name") ;;
  esac
  local key=$engine,$name o="$out/$engine-$name.out" e="$out/$engine-$name.err"
  if [ "$engine" = rivet ] && [ $((rivet_spent_ns / 1000000000)) -ge "$budget_s" ]; then
    status[$key]=skipped
    return
  fi
  local t0 t1 rc
  t0=$(now_ns)
  timeout -k 5 "$timeout_s" "${cmd[@]}" >"$o" 2>"$e"
  rc=$?
  t1=$(now_ns)
  [ "$engine" = rivet ] && rivet_spent_ns=$((rivet_spent_ns + t1 - t0))
  wall[$key]=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1e6 }')
  sum[$key]=$(awk '$1 == "checksum" { $1 = ""; sub(/^ /, ""); print; exit }' "$o")
  # Steady state: the median of the second half of the repetitions, when a JIT has warmed up.
  steady[$key]=$(awk '$1 == "rep" { t[++n] = $3 }
    END {
      if (n == 0) exit
      lo = int(n / 2) + 1; m = 0
      for (i = lo; i <= n; i++) s[++m] = t[i]
      for (i = 2; i <= m; i++) { v = s[i]; for (j = i - 1; j >= 1 && s[j] > v; j--) s[j + 1] = s[j]; s[j + 1] = v }
      med = (m % 2) ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
      printf "%.2f", med / 1e6
    }' "$o")
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    status[$key]=timeout
  elif [ $rc -ne 0 ] || [ -z "${sum[$key]}" ]; then
    status[$key]=failed
    log "$engine $name: exit status $rc; $(tail -c 300 "$e" | tr '\n' ' ')"
  elif awk -v w="${wall[$key]}" '$1 == "rep" { t += $3 } END { exit !(t / 1e6 > w * 1.02 + 1) }' "$o"; then
    # The repetitions, timed by the guest's own clock, cannot outlast the whole process:
    # if they seem to, the engine's clock_gettime is wrong and the steady times are void.
    status[$key]="bad clock"
    log "$engine $name: the guest's repetition times add up to more than the wall time"
  else
    status[$key]=ok
  fi
}

median() {  # numbers -> their median
  printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 }
    END { if (NR) printf "%.2f", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}

# measure ENGINE NAME: `run` BENCH_RUNS times and keep the median wall and steady-state
# times. One process's warm-up depends on whether HotSpot's compiler threads find a free
# core, so a single run of Rivet on a shared two-core machine is noisy. Any run that is not
# ok, or a checksum that changes between runs, decides the result.
measure() {
  local key=$1,$2 first_sum="" walls=() steadies=()
  for _ in $(seq "$runs"); do
    run "$1" "$2"
    [ "${status[$key]}" = ok ] || return
    if [ -z "$first_sum" ]; then
      first_sum=${sum[$key]}
    elif [ "${sum[$key]}" != "$first_sum" ]; then
      status[$key]=wrong
      log "$1 $2: checksum changed between runs ($first_sum, then ${sum[$key]})"
      return
    fi
    walls+=("${wall[$key]}")
    steadies+=("${steady[$key]}")
  done
  wall[$key]=$(median "${walls[@]}")
  wall[$key]=${wall[$key]%?}  # one decimal, like a single run's
  steady[$key]=$(median "${steadies[@]}")
}

# Rivet is measured only if it can run hello-world at all; otherwise its column says why not.
rivet_note=""
if ! command -v "${rivet_run[0]}" >/dev/null; then
  rivet_note="no ${rivet_run[0]#$top/} launcher yet"
else
  probe=$(timeout -k 5 "$timeout_s" "${rivet_run[@]}" "$out/riscv64/hello" 2>"$out/rivet-probe.err")
  if [ "$probe" != "hello, world" ]; then
    rivet_note="cannot run hello-world yet: $(head -c 200 "$out/rivet-probe.err" | tr '\n' ' ')"
  fi
fi
engines="native qemu"
if [ -z "$rivet_note" ]; then engines="native qemu rivet"; else log "Rivet: $rivet_note"; fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
mismatch=0
for b in $benches; do
  for eng in $engines; do
    log "$eng $b"
    measure "$eng" "$b"
  done
  if [ "${status[native,$b]}" != ok ] || [ "${status[qemu,$b]}" != ok ]; then
    log "$b did not complete natively and under qemu"
    mismatch=1
  elif [ "${sum[native,$b]}" != "${sum[qemu,$b]}" ]; then
    log "$b: native checksum ${sum[native,$b]} differs from qemu's ${sum[qemu,$b]}"
    status[native,$b]=wrong
    status[qemu,$b]=wrong
    mismatch=1
  fi
  if [ "${status[rivet,$b]:-}" = ok ] && [ "${sum[rivet,$b]}" != "${sum[qemu,$b]}" ]; then
    log "$b: Rivet checksum ${sum[rivet,$b]} differs from qemu's ${sum[qemu,$b]}"
    status[rivet,$b]=wrong
  fi
done

# Hello-world: start-up and exit cost, the median wall time of several runs.
declare -A hello
for eng in $engines; do
  case $eng in
    native) cmd=("$out/native/hello") ;;
    qemu) cmd=(qemu-riscv64 "$out/riscv64/hello") ;;
    rivet) cmd=("${rivet_run[@]}" "$out/riscv64/hello") ;;
  esac
  times=()
  for _ in $(seq "$hello_runs"); do
    t0=$(now_ns)
    if [ "$(timeout -k 5 "$timeout_s" "${cmd[@]}" 2>/dev/null)" != "hello, world" ]; then
      times=()
      break
    fi
    t1=$(now_ns)
    times+=($((t1 - t0)))
  done
  if [ ${#times[@]} -gt 0 ]; then
    hello[$eng]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 }
      END { printf "%.1f", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) / 1e6 }')
  fi
done

# ---------------------------------------------------------------- thread benchmarks
# Each prints "result <key> <value>" lines and "checksum ..." after checking its exact
# counts; it times itself (best of a few rounds where a JIT needs warming), so one run per
# engine is enough. tres[engine,bench,key] holds the figures, tst[engine,bench] the status.
declare -A tres tst
for b in $tbenches; do
  for eng in $engines; do
    case $eng in
      native) cmd=("$out/native/$b") ;;
      # fork's exec rows need a binfmt_misc handler under qemu: qemu-binfmt.sh gives one
      # (a private one, leaving the host alone) where it can, else those rows say n/a.
      qemu) if [ "$b" = fork ] && "$top/scripts/qemu-binfmt.sh" --check >/dev/null 2>&1; then
              cmd=("$top/scripts/qemu-binfmt.sh" qemu-riscv64 "$out/riscv64/$b")
            else
              cmd=(qemu-riscv64 "$out/riscv64/$b")
            fi ;;
      rivet) cmd=("${rivet_run[@]}" "$out/riscv64/$b") ;;
    esac
    log "$eng $b (threads)"
    o="$out/$eng-$b.out"
    timeout -k 5 "$timeout_s" "${cmd[@]}" >"$o" 2>"$out/$eng-$b.err"
    rc=$?
    c=$(awk '$1 == "checksum" { print $2; exit }' "$o")
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then tst[$eng,$b]=timeout
    elif [ $rc -ne 0 ] || [ -z "$c" ] || [ "$c" = FAILED ]; then
      tst[$eng,$b]=failed
      log "$eng $b: exit status $rc; $(tail -c 300 "$o" "$out/$eng-$b.err" | tr '\n' ' ')"
    else
      tst[$eng,$b]=ok
      sum[$eng,$b]=$c
      while read -r _ k v; do tres[$eng,$b,$k]=$v; done < <(grep '^result ' "$o")
    fi
  done
  if [ "${tst[native,$b]}" != ok ] || [ "${tst[qemu,$b]}" != ok ]; then
    log "$b did not complete natively and under qemu"; mismatch=1
  elif [ "${sum[native,$b]}" != "${sum[qemu,$b]}" ]; then
    log "$b: native checksum ${sum[native,$b]} differs from qemu's ${sum[qemu,$b]}"; mismatch=1
    tst[native,$b]=wrong tst[qemu,$b]=wrong
  fi
  if [ "${tst[rivet,$b]:-}" = ok ] && [ "${sum[rivet,$b]}" != "${sum[qemu,$b]}" ]; then
    log "$b: Rivet checksum ${sum[rivet,$b]} differs from qemu's"; tst[rivet,$b]=wrong
  fi
done
tcell() {  # engine bench key -> the figure, or why there is none
  local st=${tst[$1,$2]:-n/a}
  [ "$st" = ok ] && echo "${tres[$1,$2,$3]:-?}" || echo "$st"
}
speedup() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "—"; else printf "%.2f×", a / b }'; }
treport=$(
  [ -n "$tbenches" ] || exit 0
  echo "Thread and process benchmarks (\`guest/bench/{par,mutex,pingpong,spawn,clock,fork,pipe}.c\`, built with \`-pthread\`), one run per engine;"
  echo "par, mutex, clock and spawn keep their best round after a warm-up (spawn also shows its first round). Rivet/qemu is qemu's"
  echo "time over Rivet's (for rates, round trips or MB per second, Rivet's rate over qemu's)."
  echo
  for b in $tbenches; do
    case $b in
      par)
        echo "Parallel speedup (\`par\`: 20 M independent xorshift hashes, best of 3, ms):"
        echo
        echo "| engine | 1 thread | 2 threads | speedup |"
        echo "|---|--:|--:|--:|"
        for eng in native qemu rivet; do
          a=$(tcell $eng par t1_ms) c=$(tcell $eng par t2_ms)
          echo "| $eng | $a | $c | $(speedup "$a" "$c") |"
        done
        echo
        ;;
    esac
  done
  # The table of the others, whichever of them were run.
  if [ -n "$(echo " $tbenches " | tr ' ' '\n' | grep -vx -e par -e '')" ]; then
    echo "| benchmark | unit | native | qemu | Rivet | Rivet/qemu |"
    echo "|---|---|--:|--:|--:|--:|"
  fi
  for b in $tbenches; do
    case $b in
      mutex) k=ns_per_pair u="ns per lock+unlock (uncontended)" ;;
      pingpong) k=trips_per_s u="round trips/s (mutex+condvar, 2 threads)" ;;
      spawn) k="us_per_pair us_per_pair_cold" u="µs per pthread_create+join (best of 4 rounds of 300)" ;;
      clock) k=ns_per_call u="ns per clock_gettime(MONOTONIC)" ;;
      fork) k="fork_us fork100m_us vfork_exec_us spawn_us" ;;
      pipe) k="threads_mb_per_s processes_mb_per_s" ;;
      *) continue ;;
    esac
    for key in $k; do
      case $key in # fork's figures (the exec ones are n/a under qemu-user without binfmt_misc)
        fork_us) u="µs per fork+exit+wait" ;;
        fork100m_us) u="µs per fork+exit+wait with 100 MiB touched" ;;
        vfork_exec_us) u="µs per vfork+exec+exit+wait" ;;
        spawn_us) u="µs per posix_spawn+exit+wait" ;;
        # spawn's first round too: it carries each engine's warm-up (the JVM's compilation under Rivet)
        us_per_pair_cold) u="µs per pthread_create+join, the first 300 from the start (cold)" ;;
        threads_mb_per_s) u="MB/s through a pipe (1 GiB in 64 KiB writes, 2 threads)" ;;
        processes_mb_per_s) u="MB/s through a pipe (1 GiB in 64 KiB writes, parent and forked child)" ;;
      esac
      n=$(tcell native $b $key) q=$(tcell qemu $b $key) v=$(tcell rivet $b $key)
      case $b in pingpong|pipe) r=$(speedup "$v" "$q") ;; *) r=$(speedup "$q" "$v") ;; esac
      echo "| $b | $u | $n | $q | $v | $r |"
    done
  done
)

# ---------------------------------------------------------------- pipe and signal benchmarks
# Issue 5's pipe throughput and signal round trip, in a table of their own:
#   pipe    Debian's busybox (make busybox) runs, under its own sh, `dd if=/dev/zero bs=64k
#           count=... | cat | dd of=/dev/null bs=64k iflag=fullblock`: PIPE_MIB MiB through
#           two pipes and busybox cat (4 KiB reads and writes); the last dd's record count
#           proves every byte arrived. (Not head -c and wc -c: they loop over each byte, which
#           measures the CPU, not the pipe.) MiB/s over the whole run, start-up included.
#           qemu needs exec for cat and dd: it runs under scripts/qemu-binfmt.sh.
#   signal  guest/bench/signal.c: kill(getpid(), SIGUSR1) -> handler -> return, ns per trip.
# Knobs: PBENCH_ONLY="pipe signal" (empty runs none), PIPE_MIB=1024, PIPE_TIMEOUT=120
# (seconds per engine; a run that takes longer is reported as an upper bound on its rate).
pbenches=${PBENCH_ONLY-"pipe signal"}
declare -A pres pst
# pipe_bench ENGINE: fills pres[ENGINE,pipe] (MiB/s) and pst[ENGINE,pipe].
pipe_bench() {
  local eng=$1 mib=${PIPE_MIB:-1024} limit=${PIPE_TIMEOUT:-120} cmd t0 t1 rc got
  local bb="$top/.cache/busybox/usr/bin/busybox" path="PATH=$top/.cache/busybox/bin"
  local script="dd if=/dev/zero bs=65536 count=$((mib * 16)) 2>/dev/null | cat | dd of=/dev/null bs=65536 iflag=fullblock 2>&1"
  local want="$((mib * 16))+0 records in"
  case $eng in
    qemu) cmd=("$top/scripts/qemu-binfmt.sh" env -i "$path" "$(command -v qemu-riscv64)" "$bb" sh -c "$script") ;;
    rivet) cmd=("${rivet_run[@]}" --clear-env --env "$path" -- "$bb" sh -c "$script") ;;
  esac
  if [ "$eng" = rivet ] && [ $((rivet_spent_ns / 1000000000)) -ge "$budget_s" ]; then
    pst[$eng,pipe]=skipped; return
  fi
  log "$eng pipe ($mib MiB through busybox cat)"
  t0=$(now_ns)
  got=$(timeout -k 5 "$limit" "${cmd[@]}" 2>"$out/$eng-pipe.err")
  rc=$?
  got=${got%%$'\n'*}  # dd's first line
  t1=$(now_ns)
  [ "$eng" = rivet ] && rivet_spent_ns=$((rivet_spent_ns + t1 - t0))
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    pst[$eng,pipe]="timeout (< $(awk -v m="$mib" -v s="$limit" 'BEGIN { printf "%.1f", m / s }'))"
  elif [ $rc -ne 0 ] || [ "$got" != "$want" ]; then
    pst[$eng,pipe]=failed
    log "$eng pipe: exit status $rc, dd said '$got', not '$want'; $(tail -c 300 "$out/$eng-pipe.err" | tr '\n' ' ')"
  else
    pst[$eng,pipe]=ok
    pres[$eng,pipe]=$(awk -v m="$mib" -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", m / (d / 1e9) }')
  fi
}
# signal_bench ENGINE: fills pres[ENGINE,signal] (ns per trip) and pst[ENGINE,signal].
signal_bench() {
  local eng=$1 cmd rc o="$out/$1-signal.out"
  case $eng in
    native) cmd=("$out/native/signal") ;;
    qemu) cmd=(qemu-riscv64 "$out/riscv64/signal") ;;
    rivet) cmd=("${rivet_run[@]}" "$out/riscv64/signal") ;;
  esac
  log "$eng signal"
  timeout -k 5 "$timeout_s" "${cmd[@]}" >"$o" 2>"$out/$eng-signal.err"
  rc=$?
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then pst[$eng,signal]=timeout
  elif [ $rc -ne 0 ] || ! grep -qx 'checksum ok' "$o"; then
    pst[$eng,signal]=failed
    log "$eng signal: exit status $rc; $(tail -c 300 "$o" "$out/$eng-signal.err" | tr '\n' ' ')"
  else
    pst[$eng,signal]=ok
    pres[$eng,signal]=$(awk '$1 == "result" && $2 == "ns_per_trip" { print $3 }' "$o")
  fi
}
pcell() { [ "${pst[$1,$2]:-n/a}" = ok ] && echo "${pres[$1,$2]}" || echo "${pst[$1,$2]:-n/a}"; }
pratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "—"; else printf "%.2f×", a / b }'; }
preport=""
if [ -n "$pbenches" ]; then
  for b in $pbenches; do
    case $b in
      pipe)
        if ! "$top/scripts/busybox.sh"; then
          pst[qemu,pipe]="no busybox"; pst[rivet,pipe]="no busybox"
        else
          binfmt=$("$top/scripts/qemu-binfmt.sh" --check) || true
          if [ "${binfmt%%:*}" = none ]; then
            log "qemu pipe: cannot exec ($binfmt)"; pst[qemu,pipe]="no exec"
          else
            pipe_bench qemu
          fi
          case " $engines " in *" rivet "*) pipe_bench rivet ;; esac
        fi ;;
      signal)
        build signal
        if [ "$build_failed" = 0 ]; then for eng in $engines; do signal_bench "$eng"; done; fi ;;
      *) log "unknown PBENCH_ONLY entry: $b" ;;
    esac
  done
  preport=$(
    echo "Pipe and signal benchmarks, one run per engine. Rivet/qemu is Rivet's rate over qemu's"
    echo "(pipe) or qemu's time over Rivet's (signal): above 1× Rivet is faster."
    echo
    echo "| benchmark | unit | native | qemu | Rivet | Rivet/qemu |"
    echo "|---|---|--:|--:|--:|--:|"
    for b in $pbenches; do
      case $b in
        pipe)
          q=$(pcell qemu pipe) v=$(pcell rivet pipe)
          echo "| pipe | MiB/s, ${PIPE_MIB:-1024} MiB through busybox sh: \`dd \\| cat \\| dd\` | — | $q | $v | $(pratio "$v" "$q") |" ;;
        signal)
          n=$(pcell native signal) q=$(pcell qemu signal) v=$(pcell rivet signal)
          echo "| signal | ns per kill(self) + handler + sigreturn | $n | $q | $v | $(pratio "$q" "$v") |" ;;
      esac
    done
  )
fi

# ---------------------------------------------------------------- report
cell() {  # engine bench kind -> a time in ms, or why there is none
  local k=$1,$2 st=${status[$1,$2]:-n/a}
  case $st in
    ok) [ "$3" = wall ] && echo "${wall[$k]}" || echo "${steady[$k]:-?}" ;;
    wrong) echo "wrong" ;;
    *) echo "$st" ;;
  esac
}
# ratio REF SUBJECT: speed of SUBJECT relative to REF (REF's time / SUBJECT's time).
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "—"; exit }
    r = a / b; printf (r >= 10 ? "%.0f×" : (r >= 0.1 ? "%.2f×" : "%.3f×")), r }'
}
geomean() {  # ratios like "0.12×" -> their geometric mean, saying so when some are missing
  printf '%s\n' "$@" | awk '{ sub(/×$/, "") } /^[0-9.]+$/ && $1 > 0 { s += log($1); n++ }
    END { if (!n) { print "—"; exit } r = exp(s / n)
      printf (r >= 10 ? "%.0f×" : (r >= 0.1 ? "%.2f×" : "%.3f×")), r
      if (n < NR) printf " (%d of %d)", n, NR }'
}

jdk=$( { "${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 || true; } | head -1)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
# Other work on the machine skews every column; the load average says how much there was.
load=$(cut -d' ' -f1-3 /proc/loadavg)
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || rev="$rev (with local changes)"

report=$(
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$rev\`."
  echo
  echo "- Machine: $(nproc) cores, $cpu, Linux $(uname -r); load average $load_before before the run, $load after"
  echo "- JDK: $jdk"
  echo "- qemu: $(qemu-riscv64 --version | head -1)"
  echo "- Compilers: host $(gcc --version | head -1), riscv64 via $rv_cc_name, flags \`${cflags[*]}\`"
  [ -n "$rivet_note" ] && echo "- Rivet: n/a — $rivet_note"
  echo
  echo "Times in milliseconds, each the median of $runs runs. *wall*: the whole process, start"
  echo "to exit. *steady*: one repetition of the kernel, the median of the last half of the"
  echo "repetitions. Speed ratios"
  echo "are the reference's time over the subject's: Rivet/qemu 0.10× means Rivet takes ten"
  echo "times as long as qemu; qemu/native likewise."
  echo
  echo "| benchmark | native wall | native steady | qemu wall | qemu steady | Rivet wall | Rivet steady | Rivet/qemu wall | Rivet/qemu steady | qemu/native wall | qemu/native steady |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  rw=() rs=() qw=() qs=()
  for b in $benches; do
    nw=$(cell native $b wall) ns=$(cell native $b steady)
    qw_=$(cell qemu $b wall) qs_=$(cell qemu $b steady)
    vw=$(cell rivet $b wall) vs=$(cell rivet $b steady)
    a=$(ratio "$qw_" "$vw") c=$(ratio "$qs_" "$vs") d=$(ratio "$nw" "$qw_") e=$(ratio "$ns" "$qs_")
    rw+=("$a") rs+=("$c") qw+=("$d") qs+=("$e")
    echo "| $b | $nw | $ns | $qw_ | $qs_ | $vw | $vs | $a | $c | $d | $e |"
  done
  echo "| **geometric mean** | | | | | | | **$(geomean "${rw[@]}")** | **$(geomean "${rs[@]}")** | **$(geomean "${qw[@]}")** | **$(geomean "${qs[@]}")** |"
  echo
  echo "Checksums (identical under every engine that completed, else marked *wrong* above):"
  echo
  for b in $benches; do
    echo "- $b: \`${sum[native,$b]:-none}\`"
  done
  echo
  echo "Hello-world, median wall time of $hello_runs runs (start-up and exit cost):"
  echo
  echo "| native | qemu | Rivet | Rivet/qemu |"
  echo "|--:|--:|--:|--:|"
  echo "| ${hello[native]:-—} | ${hello[qemu]:-—} | ${hello[rivet]:-n/a} | $(ratio "${hello[qemu]:-}" "${hello[rivet]:-}") |"
  [ -z "$treport" ] || { echo; echo "$treport"; }
  [ -z "$preport" ] || { echo; echo "$preport"; }
)

echo "$report"

if [ -z "${BENCH_NO_DOC:-}" ]; then
  begin="<!-- bench:begin (generated by scripts/bench.sh; edit outside these markers) -->"
  end="<!-- bench:end -->"
  mkdir -p "$(dirname "$doc")"
  if [ -f "$doc" ] && grep -q '^<!-- bench:begin' "$doc" && grep -q '^<!-- bench:end' "$doc"; then
    # Replace only the generated region; the hand-written text around it stays.
    { sed '/^<!-- bench:begin/,$d' "$doc"; echo "$begin"; echo "$report"; echo "$end"
      sed '1,/^<!-- bench:end/d' "$doc"; } >"$doc.tmp" && mv "$doc.tmp" "$doc"
  else
    { echo "# Benchmarks"; echo; echo "$begin"; echo "$report"; echo "$end"; } >"$doc"
  fi
  log "wrote $doc"
fi

exit "$mismatch"
