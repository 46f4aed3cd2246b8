#!/usr/bin/env bash
# ensure-maven.sh: installs Maven from the machine's apt sources when `mvn` is missing, so
# `make build` works on a fresh Debian machine that has only a JDK 25.
set -euo pipefail
command -v mvn >/dev/null && exit 0
echo "build: installing maven" >&2
sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
$sudo_ apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends maven >/dev/null
