# Rivet: every target does its own set-up and can be run again at no cost.
#   make demo    toolchain + build, then compile and run the examples
#   make test    toolchain + build + the whole suite (unit, guest TAP tests, fuzz slice)
#   make bench   toolchain + build + scripts/bench.sh
#   make fuzz    toolchain + build + scripts/fuzz.sh $(N)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
N ?= 20000
# Maven 3.8 on JDK 25 prints stray colour resets (ESC[0m) even in batch mode: strip them.
MVN := mvn -B -q -Dstyle.color=never
CLEAN_OUTPUT := 2>&1 | sed -u 's/\x1b\[0m//g'

# `build` compiles no tests (-Dmaven.test.skip): a broken test must not stop `make demo`.
# Maven runs on the JDK 25 the launcher uses (see scripts/jdk.sh); find-jdk.sh prints the
# one-line "JDK 25 not found" message and fails when there is none.
# (Debian's Maven uses sun.misc.Unsafe, which JDK 25 warns about on every run.)
WITH_JDK = jdk=$$(scripts/find-jdk.sh) && export JAVA_HOME=$$jdk PATH=$$jdk/bin:$$PATH \
	MAVEN_OPTS="$${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" &&

.PHONY: all toolchain build demo test bench fuzz guest busybox docs clean
all: build

toolchain:
	@scripts/toolchain.sh

build:
	@scripts/find-jdk.sh >/dev/null
	@scripts/ensure-maven.sh
	@$(WITH_JDK) $(MVN) -Dmaven.test.skip=true package $(CLEAN_OUTPUT)
	@scripts/cds-train.sh

# The guest test and example binaries (the JUnit runner also builds them when missing).
guest: toolchain
	@scripts/build-guest.sh

# Debian's riscv64 busybox-static and its applet list, in .cache/busybox (BusyboxTest uses it).
busybox: toolchain
	@scripts/busybox.sh

demo: toolchain build
	@scripts/demo.sh

test: toolchain build busybox
	@rm -rf target/surefire-reports
	@status=0; ( $(WITH_JDK) $(MVN) test $(CLEAN_OUTPUT) ) || status=$$?; scripts/test-summary.sh || true; exit $$status

bench: toolchain build
	@$(WITH_JDK) scripts/bench.sh

fuzz: toolchain build
	@$(WITH_JDK) scripts/fuzz.sh $(N)

# docs/syscalls.md is generated from the syscall table (a test checks it is current).
docs: build
	@$(WITH_JDK) java -cp target/classes dev.rivet.syscall.CoverageDoc docs/syscalls.md

clean:
	rm -rf target build
