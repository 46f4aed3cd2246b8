#!/usr/bin/env bash
# find-jdk.sh: prints the home of a JDK 25 (see jdk.sh for the search order), or the one
# line telling how to get one and fails. Used by the Makefile to set JAVA_HOME for Maven.
set -euo pipefail
. "$(dirname "$0")/jdk.sh"
rivet_find_jdk || { echo "$RIVET_NO_JDK_MSG" >&2; exit 1; }
printf '%s\n' "$RIVET_JDK"
