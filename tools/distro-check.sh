#!/usr/bin/env bash
# By hand, not in CI: proves the developer set-up on another Debian release. Makes a minbase system of SUITE
# with debootstrap in a temporary folder under build/, copies the committed sources in (git archive HEAD),
# and there runs `tools/dev.sh setup`, configures, and builds TARGETS (default: everything).
#   tools/distro-check.sh trixie [TARGET...] 2>&1 | tee build/distro-check-trixie.log
# With --readme instead of targets it runs the README's two commands there as a new user would:
# `tools/dev.sh test` (set-up, build, every test, the server tests on the suite's own PostgreSQL), then
# `tools/dev.sh run` offscreen for 60 s (the window must still be up when the time ends).
#   tools/distro-check.sh trixie --readme 2>&1 | tee build/distro-check-trixie.log
# Like tools/package-test.sh it runs in private mount and PID namespaces, so no mount or process outlives it,
# and deletes the system at the end (BV_KEEP_ROOT=1 keeps it for a look). SUITE is a Debian suite (trixie, bookworm)
# or an Ubuntu one (jammy, noble: from archive.ubuntu.com, which needs the ubuntu-keyring package on this machine).
set -euo pipefail

MIRROR="${BV_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'distro-check: %s\n' "$*" >&2; exit 1; }

if [ "${1:-}" = "--inside" ]; then
  root="$2" suite="$3"
  shift 3
  case "$suite" in
    jammy | noble)
      # Ubuntu: its own archive, main and universe (Qt 6, SQLCipher), its keyring (ubuntu-keyring); Debian 12's
      # debootstrap knows jammy, and noble is bootstrapped the same way
      MIRROR="${BV_UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}"
      [ -r /usr/share/keyrings/ubuntu-archive-keyring.gpg ] || die "needs ubuntu-keyring (apt-get install ubuntu-keyring)"
      bootstrap=(--components=main,universe --keyring=/usr/share/keyrings/ubuntu-archive-keyring.gpg)
      script=/usr/share/debootstrap/scripts/$suite
      [ -e "$script" ] || script=/usr/share/debootstrap/scripts/jammy
      ;;
    *) bootstrap=() script= ;;
  esac
  debootstrap --variant=minbase "${bootstrap[@]}" "$suite" "$root" "$MIRROR" ${script:+"$script"} \
    >"$root.debootstrap.log" 2>&1 \
    || { tail -n 20 "$root.debootstrap.log" >&2; die "debootstrap failed"; }
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/bv-unsafe-io"
  mkdir -p "$root/src"
  git -C "$ROOT" archive HEAD | tar -x -C "$root/src"
  say "$(chroot "$root" sh -c '. /etc/os-release; echo "$PRETTY_NAME"'): tools/dev.sh setup"
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 bash /src/tools/dev.sh setup
  say "sources of SQLCipher and clang: $(chroot "$root" dpkg-query -W -f='${Package} ${Version}; ' libsqlcipher-dev clang 'libclang-rt-*-dev' qt6-base-dev postgresql 2>/dev/null)"
  if [ "${1:-}" = "--readme" ]; then
    # The tests need the host's devices (/dev/shm for PostgreSQL, /dev/pts); the namespace's mounts end with it.
    mount --rbind /dev "$root/dev"
    mount --make-rprivate "$root/dev"
    mountpoint -q "$root/sys" || mount -t sysfs sysfs "$root/sys"
    say "README: tools/dev.sh test"
    # the chroot shares the host's network: its throwaway cluster takes a port of its own (a run of the test suite on
    # the host meanwhile takes 5432)
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 BV_JOBS="${BV_JOBS:-2}" \
      BV_PG_PORT="${BV_PG_PORT:-5491}" bash /src/tools/dev.sh test
    say "README: tools/dev.sh run (offscreen, 60 s)"
    set +e
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
      timeout 60 bash /src/tools/dev.sh run
    run_status=$?
    set -e
    [ "$run_status" -eq 124 ] || die "tools/dev.sh run ended with status $run_status before the 60 s were up"
    say "README's two commands passed on $suite"
    exit 0
  fi
  say "configure and build ${*:-everything}"
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    cmake -S /src -B /src/build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  local_targets=()
  [ "$#" -gt 0 ] && local_targets=(--target "$@")
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    cmake --build /src/build --parallel "${BV_JOBS:-2}" "${local_targets[@]}"
  say "built on $suite"
  exit 0
fi

suite="${1:?usage: distro-check.sh SUITE [TARGET...]}"
shift
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
mkdir -p "$ROOT/build"
root="$(mktemp -d "$ROOT/build/distro-check-$suite.XXXXXX")"
chmod 755 "$root"
cleanup() {
  local status=$? m
  for m in $(awk -v r="$root" 'index($5, r) == 1 { print $5 }' /proc/self/mountinfo | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  if [ "${BV_KEEP_ROOT:-0}" = "1" ]; then
    printf 'distro-check: kept %s\n' "$root" >&2
  elif awk -v r="$root" 'index($5, r) == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo; then
    printf 'distro-check: mounts are left under %s; not deleting it\n' "$root" >&2
  else
    rm -rf --one-file-system "$root" "$root.debootstrap.log"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM
start=$(date +%s)
unshare --mount --propagation private --pid --fork --kill-child -- bash "$0" --inside "$root" "$suite" "$@"
say "distro-check $suite: $(($(date +%s) - start)) s"
