# shellcheck shell=bash
# jdk.sh: sourced by the `rivet` launcher and the Makefile (via find-jdk.sh) to find a JDK 25.
# Order: $JAVA_HOME when it is 25 or newer, else a JDK 25 (then any newer one) under
# /usr/lib/jvm. Versions are read from the JDK's `release` file rather than by running
# `java -version`, because the launcher's start-up time is part of every guest run.

# rivet_jdk_major DIR: sets RIVET_JDK_MAJOR to the feature version of the JDK in DIR, or
# returns 1 when DIR holds no JDK. (A variable, not output: $(...) would cost a fork.)
rivet_jdk_major() {
  local dir=$1 line v=""
  RIVET_JDK_MAJOR=""
  [ -x "$dir/bin/java" ] || return 1
  if [ -f "$dir/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break;;
      esac
    done < "$dir/release"
  fi
  if [ -z "${v:-}" ]; then
    # No release file: ask the JVM (slow, but only for unusual installs).
    v=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v#1.}            # 1.8 -> 8
  v=${v%%[.+-]*}       # 25.0.3 -> 25
  [ -n "$v" ] && [ "$v" -eq "$v" ] 2>/dev/null || return 1
  RIVET_JDK_MAJOR=$v
}

# rivet_find_jdk: sets RIVET_JDK to a JDK 25+ home, or returns 1.
rivet_find_jdk() {
  local d best=""
  if [ -n "${JAVA_HOME:-}" ] && rivet_jdk_major "$JAVA_HOME" && [ "$RIVET_JDK_MAJOR" -ge 25 ]; then
    RIVET_JDK=$JAVA_HOME; return 0
  fi
  for d in "${RIVET_JVM_DIR:-/usr/lib/jvm}"/*; do
    rivet_jdk_major "$d" || continue
    if [ "$RIVET_JDK_MAJOR" -eq 25 ]; then RIVET_JDK=$d; return 0; fi
    if [ "$RIVET_JDK_MAJOR" -gt 25 ] && [ -z "$best" ]; then best=$d; fi
  done
  [ -n "$best" ] || return 1
  RIVET_JDK=$best
}

RIVET_NO_JDK_MSG="rivet: JDK 25 not found: install one (e.g. Temurin 25) or set JAVA_HOME"
