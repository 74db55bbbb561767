#!/usr/bin/env bash
# BranchVault developer entry point. On a fresh Debian 12 machine:
#   tools/dev.sh run    install what is missing, build, start the branchvault window
#   tools/dev.sh test   install what is missing, build, run the whole test suite
# Other commands: setup (install only), build, fuzz, bench (branchvault-bench ARGS), translations
# (lupdate), help.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BV_BUILD_DIR:-$ROOT/build}"
JOBS="${BV_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Debian packages. SQLCipher 4 comes from bookworm-backports (stable's 3.4.1 is too old).
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git procps util-linux
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6svg6
  qtkeychain-qt6-dev libsecret-1-0 libsodium-dev
  gnome-keyring dbus libsecret-tools
  fonts-noto-cjk
  libqrencode-dev libzxing-dev poppler-utils zbar-tools
  clang libclang-rt-14-dev
)
BACKPORTS_PACKAGES=(libsqlcipher-dev sqlcipher)
SQLCIPHER_MIN_DEB_VERSION="4.4.2"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'tools/dev.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "installing packages needs root: run as root or install sudo"
  fi
}

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

sqlcipher_ok() {
  pkg_installed libsqlcipher-dev || return 1
  local v
  v="$(dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null)"
  dpkg --compare-versions "$v" ge "$SQLCIPHER_MIN_DEB_VERSION"
}

has_backports_source() {
  grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}

cmd_setup() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "apt-get not found: install the packages listed in README.md by hand"
    return 0
  fi
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  local need_backports=0
  sqlcipher_ok && pkg_installed sqlcipher || need_backports=1
  if [ "${#missing[@]}" -eq 0 ] && [ "$need_backports" -eq 0 ]; then
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$need_backports" -eq 1 ] && ! has_backports_source; then
    . /etc/os-release 2>/dev/null || true
    [ "${VERSION_CODENAME:-}" = "bookworm" ] || say "this is not Debian 12 (bookworm); adding bookworm-backports anyway"
    say "adding the bookworm-backports package source (SQLCipher 4)"
    as_root tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  say "installing: ${missing[*]} ${BACKPORTS_PACKAGES[*]}"
  as_root apt-get update -q
  if [ "${#missing[@]}" -gt 0 ]; then
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if [ "$need_backports" -eq 1 ]; then
    as_root apt-get install -y -q --no-install-recommends -t bookworm-backports "${BACKPORTS_PACKAGES[@]}"
  fi
  sqlcipher_ok || die "SQLCipher ${SQLCIPHER_MIN_DEB_VERSION} or newer could not be installed from bookworm-backports"
}

cmd_build() {
  say "configuring in $BUILD_DIR"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BV_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  say "building"
  cmake --build "$BUILD_DIR" --parallel "$JOBS"
}

# Runs "$@" inside a private D-Bus session with an unlocked gnome-keyring, so the keychain tests use a
# real secret service and never touch the user's own keyring.
with_private_keyring() {
  local tmp
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/bv-keyring-XXXXXX")"
  chmod 700 "$tmp"
  mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
  chmod 700 "$tmp/runtime"
  local status=0
  HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  XDG_RUNTIME_DIR="$tmp/runtime" \
    dbus-run-session -- bash -c '
      set -e
      # --unlock reads a throw-away password from stdin and creates (and unlocks) the login keyring
      eval "$(printf "bv-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
      export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
      "$@"
    ' bv-tests "$@" || status=$?
  pkill -u "$(id -u)" -f "gnome-keyring-daemon.*$tmp" 2>/dev/null || true
  rm -rf "$tmp"
  return "$status"
}

# libFuzzer targets need clang with its sanitizer runtimes; they get a build directory of their own
# and run for a short time each (BV_FUZZ_SECONDS).
cmd_fuzz() {
  local fuzz_dir="${BV_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
  say "building the fuzz targets with clang in $fuzz_dir"
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$fuzz_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBV_BUILD_FUZZERS=ON -DBV_FUZZ_SECONDS="${BV_FUZZ_SECONDS:-20}" >/dev/null
  local targets
  targets="$(cmake --build "$fuzz_dir" --target help | sed -n 's/^\(fuzz_[a-z0-9_]*\):.*/\1/p' | sort -u)"
  [ -n "$targets" ] || die "no fuzz targets were configured"
  # shellcheck disable=SC2086
  cmake --build "$fuzz_dir" --parallel "$JOBS" --target $targets
  say "running the fuzzers"
  ctest --test-dir "$fuzz_dir" -L fuzz --output-on-failure
}

cmd_test() {
  cmd_setup
  cmd_build
  say "running the test suite (private D-Bus session + gnome-keyring, offscreen widgets)"
    with_private_keyring ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
  # The benchmark at its small size proves it still runs end to end; its timings are printed, never
  # asserted (docs/PERFORMANCE.md has the full-size figures).
  say "running branchvault-bench --quick"
  "$BUILD_DIR/app/branchvault-bench" --quick --out "$BUILD_DIR/bench-quick.json"
  if [ "${BV_SKIP_FUZZ:-0}" != "1" ]; then
    cmd_fuzz
  fi
}

cmd_run() {
  cmd_setup
  cmd_build
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    die "no desktop session (DISPLAY/WAYLAND_DISPLAY unset): run this from a desktop terminal"
  fi
  say "starting branchvault"
  exec "$BUILD_DIR/app/branchvault" "$@"
}

# The benchmark (docs/PERFORMANCE.md): tools/dev.sh bench --customers 1000000 --out FILE.json
cmd_bench() {
  cmd_setup
  cmd_build
  "$BUILD_DIR/app/branchvault-bench" "$@"
}

cmd_translations() {
  cmake --build "$BUILD_DIR" --target update_translations
}

case "${1:-help}" in
  setup) shift; cmd_setup "$@" ;;
  build) shift; cmd_setup; cmd_build "$@" ;;
  test) shift; cmd_test "$@" ;;
  run) shift; cmd_run "$@" ;;
  translations) shift; cmd_translations "$@" ;;
    fuzz) shift; cmd_setup; cmd_fuzz "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  help|-h|--help)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$1' (try: run, test, setup, build, bench, translations)" ;;
esac
