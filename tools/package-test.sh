#!/usr/bin/env bash
# tools/dev.sh package-test: installs build/package/branchvault_*.deb into a clean Debian 12 (debootstrap
# --variant=minbase, bookworm-backports for libsqlcipher1) and there, as an ordinary user, runs
#   branchvault-cli --version, init, passwd, verify   inside a private D-Bus session with gnome-keyring
#   branchvault --help / --version / no display        without a display
#   branchvault --lang zh_CN                            on the offscreen platform, and fc-list :lang=zh
# The system lives in a temporary folder under the build folder and is deleted at the end. Everything runs in
# private mount and PID namespaces (unshare): every mount (proc, debootstrap's own) and every process started
# in there (dbus, gnome-keyring) ends with the namespace, however the test ends; the EXIT trap unmounts and
# deletes what is left. Nothing is cached outside the work tree.
#   tools/package-test.sh DEB [SUITE]      (SUITE: bookworm, the default)
set -euo pipefail

MIRROR="${BV_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'package-test: %s\n' "$*" >&2; exit 1; }

# ---- inside the namespaces ---------------------------------------------------------------------------------
if [ "${1:-}" = "--inside" ]; then
  root="$2" deb="$3" suite="$4"
  trap 'umount -R "$root/proc" 2>/dev/null || true' EXIT
  say "debootstrap --variant=minbase $suite (packages from $MIRROR)"
  debootstrap --variant=minbase "$suite" "$root" "$MIRROR" >"$root.debootstrap.log" 2>&1 \
    || { tail -n 20 "$root.debootstrap.log" >&2; die "debootstrap failed"; }
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  {
    echo "deb $MIRROR $suite main"
    echo "deb $MIRROR $suite-updates main"
    [ "$suite" = "bookworm" ] && echo "deb $MIRROR bookworm-backports main"
    echo "deb ${MIRROR%/debian}/debian-security $suite-security main"
  } >"$root/etc/apt/sources.list"
  # a throw-away system: no daemons started by package scripts, no fsync per file, no translations
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/bv-unsafe-io"
  printf 'Acquire::Languages "none";\nAPT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/90bv"
  cp "$deb" "$root/tmp/"
  say "apt-get install ./$(basename "$deb") (and dbus for dbus-run-session)"
  chroot "$root" apt-get update -q >"$root.apt.log" 2>&1 || { tail -n 20 "$root.apt.log" >&2; die "apt-get update failed"; }
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -q "/tmp/$(basename "$deb")" dbus \
    >>"$root.apt.log" 2>&1 || { tail -n 30 "$root.apt.log" >&2; die "the package did not install"; }
  grep -E '^(Setting up|Unpacking) (libsqlcipher1|branchvault|fonts-|gnome-keyring|libqt6svg6)' "$root.apt.log" \
    | sed 's/^/    /' >&2 || true
  chroot "$root" useradd --create-home --shell /bin/bash teller
  cp "$(dirname "$0")/package-test-checks.sh" "$root/tmp/checks.sh"
  say "checks as an ordinary user"
  chroot --userspec=teller:teller "$root" env -i PATH=/usr/bin:/bin HOME=/home/teller USER=teller \
    LANG=C.UTF-8 bash /tmp/checks.sh
  exit 0
fi

# ---- on the host -------------------------------------------------------------------------------------------
deb="${1:?usage: package-test.sh DEB [SUITE]}"
suite="${2:-bookworm}"
[ -f "$deb" ] || die "no package at $deb (tools/dev.sh package builds it)"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
for tool in debootstrap unshare chroot; do command -v "$tool" >/dev/null || die "$tool is missing"; done
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
work_parent="${BV_PACKAGE_TEST_DIR:-$(dirname "$deb")}"
mkdir -p "$work_parent"
root="$(mktemp -d "$work_parent/package-test-root.XXXXXX")"
chmod 755 "$root" # the root folder of the new system: everyone must be able to enter it

cleanup() {
  local status=$?
  # The namespace took its mounts with it; this catches a mount made some other way, deepest first.
  local m
  for m in $(awk -v r="$root" 'index($5, r) == 1 { print $5 }' /proc/self/mountinfo | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  if awk -v r="$root" 'index($5, r) == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    printf 'package-test: mounts are left under %s; not deleting it\n' "$root" >&2
  else
    rm -rf --one-file-system "$root" "$root.debootstrap.log" "$root.apt.log" "$root.log"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM

start=$(date +%s)
status=0
unshare --mount --propagation private --pid --fork --kill-child -- \
  bash "$0" --inside "$root" "$deb" "$suite" 2>&1 | tee "$root.log" || status=$?
passed="$(grep -c '^    ok: ' "$root.log" || true)"
if [ "$status" -ne 0 ]; then
  printf 'package-test: %s passed, 1 failed\n' "$passed"
  exit "$status"
fi
say "package test passed in $(($(date +%s) - start)) s"
printf 'package-test: %s passed, 0 failed\n' "$passed"
