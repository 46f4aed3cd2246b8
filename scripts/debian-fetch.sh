#!/usr/bin/env bash
# debian-fetch.sh PKG... --into DIR [--prepare-musl]
# Downloads Debian trixie riscv64 packages with apt-get download, using a private apt
# configuration whose mirror is read from this machine's own apt sources, and unpacks
# them into DIR. Used for the musl sysroot and for real riscv64 programs in tests.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
pkgs=(); into=""; musl=0
while [ $# -gt 0 ]; do
  case "$1" in
    --into) into=$2; shift 2;;
    --prepare-musl) musl=1; shift;;
    *) pkgs+=("$1"); shift;;
  esac
done
[ -n "$into" ] && [ ${#pkgs[@]} -gt 0 ] || { echo "usage: debian-fetch.sh PKG... --into DIR" >&2; exit 2; }

# The machine's Debian mirror: the first http(s) URI of its apt sources naming .../debian.
mirror=$( (cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n';
           cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; break}}') \
         | grep -E '^https?://[^ ]*/debian/?$' | head -n1 || true)
[ -n "$mirror" ] || { echo "debian-fetch: no Debian mirror found in this machine's apt sources" >&2; exit 1; }
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || keyring=""

apt_dir="$top/.cache/apt-riscv64"
mkdir -p "$apt_dir"/{lists/partial,archives/partial,etc/preferences.d,dl}
fetch() {
  local suite=$1
  cat > "$apt_dir/etc/sources.list" <<SRC
deb [arch=riscv64${keyring:+ signed-by=$keyring}] $mirror $suite main
SRC
  cat > "$apt_dir/etc/apt.conf" <<CONF
Dir::State "$apt_dir";
Dir::State::Lists "$apt_dir/lists";
Dir::State::status "/dev/null";
Dir::Cache "$apt_dir";
Dir::Etc::SourceList "$apt_dir/etc/sources.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::Etc::Preferences "$apt_dir/etc/preferences";
Dir::Etc::PreferencesParts "$apt_dir/etc/preferences.d";
APT::Architecture "riscv64";
APT::Architectures { "riscv64"; };
Acquire::Languages "none";
CONF
  APT_CONFIG="$apt_dir/etc/apt.conf" apt-get update -qq >/dev/null 2>&1 || return 1
  (cd "$apt_dir/dl" && APT_CONFIG="$apt_dir/etc/apt.conf" apt-get download -qq "${pkgs[@]/%/:riscv64}" >/dev/null 2>&1) || return 1
}
fetch trixie || fetch stable || { echo "debian-fetch: could not download ${pkgs[*]} (riscv64) from $mirror" >&2; exit 1; }

rm -rf "$into.tmp"; mkdir -p "$into.tmp"
for p in "${pkgs[@]}"; do
  deb=$(ls -t "$apt_dir/dl/${p}_"*_riscv64.deb | head -n1)
  dpkg-deb -x "$deb" "$into.tmp"
done

if [ $musl = 1 ]; then
  lib="$into.tmp/usr/lib/riscv64-linux-musl"
  find "$lib" -name '*.o' -o -name '*.a' | while read -r f; do riscv64-linux-gnu-objcopy --strip-debug "$f"; done
  # musl-gcc.specs points at the package's install paths: rewrite them to this sysroot.
  specs="$lib/musl-gcc.specs"
  sed -i "s#/usr/lib/riscv64-linux-musl#$into/usr/lib/riscv64-linux-musl#g; s#/usr/include/riscv64-linux-musl#$into/usr/include/riscv64-linux-musl#g" "$specs"
fi
rm -rf "$into"; mv "$into.tmp" "$into"
touch "$into/.ready"
