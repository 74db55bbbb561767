#!/usr/bin/env bash
# BranchVault developer entry point. On a fresh Debian 12 machine:
#   tools/dev.sh run    install what is missing, build, start the branchvault window
#   tools/dev.sh test   install what is missing, build, run the whole test suite
# Other commands: setup (install only), build, fuzz, bench (branchvault-bench ARGS), translations
# (lupdate), package (the Debian package, lintian), package-test (installs it into a clean Debian 12), help.
# Set-up works on Debian 12 (SQLCipher from bookworm-backports), Debian 13 and Ubuntu 24.04 (SQLCipher from
# the distribution); docs/INSTALL.md has the details.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BV_BUILD_DIR:-$ROOT/build}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
JOBS="${BV_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Distribution packages (Debian 12 and 13, Ubuntu 24.04 use the same names). SQLCipher and the fuzzers'
# clang runtime are chosen per system below.
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git procps util-linux
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6svg6
  qtkeychain-qt6-dev libsecret-1-0 libsodium-dev
  gnome-keyring dbus libsecret-tools
  fonts-noto-cjk
  libqrencode-dev libzxing-dev poppler-utils zbar-tools
  help2man
  clang
  postgresql postgresql-client postgresql-common libqt6sql6-psql libpq-dev openssl
)
SQLCIPHER_PACKAGES=(libsqlcipher-dev sqlcipher)
SQLCIPHER_MIN_DEB_VERSION="4.4.2"
QT_MIN_DEB_VERSION="6.4"
# only for tools/dev.sh package / package-test
PACKAGE_TOOLS=(lintian appstream dpkg-dev)
PACKAGE_TEST_TOOLS=(debootstrap debian-archive-keyring)

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

os_release() { (. /etc/os-release 2>/dev/null && eval "printf '%s' \"\${$1:-}\""); }

# The version apt would install, or nothing.
apt_candidate() {
  apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { if ($2 != "(none)") print $2 }'
}

# The package of the installed clang's sanitizer and libFuzzer runtime (libclang-rt-14-dev on Debian 12,
# -19- on Debian 13, -18- on Ubuntu 24.04), when the distribution has one.
clang_runtime_package() {
  command -v clang >/dev/null 2>&1 || return 0
  local major
  major="$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -n1)"
  [ -n "$major" ] && [ -n "$(apt_candidate "libclang-rt-$major-dev")" ] && echo "libclang-rt-$major-dev"
  return 0
}

# Debian 13 moved Qt's SVG image format and icon engine plugins out of libqt6svg6 into qt6-svg-plugins (the icon is
# an SVG); installed where the distribution has that package.
svg_plugins_package() {
  [ -n "$(apt_candidate qt6-svg-plugins)" ] && echo qt6-svg-plugins
  return 0
}

add_bookworm_backports() {
  has_backports_source && return 0
  say "adding the bookworm-backports package source (SQLCipher 4)"
  as_root tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -q
}

# apt-get install of "$@" where missing (no recommends).
apt_install_missing() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "please install: ${missing[*]}"
  say "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Installs what is missing. SQLCipher >= 4.4.2 comes from the distribution where it has one (Debian 13, Ubuntu
# 22.04 and 24.04: universe), from bookworm-backports on Debian 12.
cmd_setup() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "apt-get not found: install the packages listed in docs/INSTALL.md by hand"
    return 0
  fi
  local missing=() p runtime svg
  for p in "${APT_PACKAGES[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  runtime="$(clang_runtime_package)"
  if [ -n "$runtime" ] && ! pkg_installed "$runtime"; then missing+=("$runtime"); fi
  svg="$(svg_plugins_package)"
  if [ -n "$svg" ] && ! pkg_installed "$svg"; then missing+=("$svg"); fi
  local need_sqlcipher=0
  sqlcipher_ok && pkg_installed sqlcipher || need_sqlcipher=1
  if [ "${#missing[@]}" -eq 0 ] && [ "$need_sqlcipher" -eq 0 ]; then
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  local qt
  qt="$(apt_candidate qt6-base-dev)"
  if [ -n "$qt" ] && dpkg --compare-versions "$qt" lt "$QT_MIN_DEB_VERSION"; then
    die "this system offers Qt $qt; BranchVault needs Qt $QT_MIN_DEB_VERSION or newer (Debian 12 or 13, Ubuntu 24.04; docs/INSTALL.md)"
  fi
  local from_backports=0
  if [ "$need_sqlcipher" -eq 1 ]; then
    local candidate codename
    candidate="$(apt_candidate libsqlcipher-dev)"
    codename="$(os_release VERSION_CODENAME)"
    if [ -n "$candidate" ] && dpkg --compare-versions "$candidate" ge "$SQLCIPHER_MIN_DEB_VERSION"; then
      missing+=("${SQLCIPHER_PACKAGES[@]}")
    elif [ "$codename" = "bookworm" ]; then
      add_bookworm_backports
      from_backports=1
    else
      die "no SQLCipher ${SQLCIPHER_MIN_DEB_VERSION} or newer in this system's package sources (found: ${candidate:-none}); docs/INSTALL.md says where to get it"
    fi
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing: ${missing[*]}"
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if [ "$from_backports" -eq 1 ]; then
    say "installing from bookworm-backports: ${SQLCIPHER_PACKAGES[*]}"
    as_root apt-get install -y -q --no-install-recommends -t bookworm-backports "${SQLCIPHER_PACKAGES[@]}"
  fi
  # clang arrived just now: its runtime's package name depends on its version; and a fresh system's package lists
  # only now say whether the SVG plugins are a package of their own
  runtime="$(clang_runtime_package)"
  if [ -n "$runtime" ] && ! pkg_installed "$runtime"; then
    as_root apt-get install -y -q --no-install-recommends "$runtime"
  fi
  svg="$(svg_plugins_package)"
  if [ -n "$svg" ] && ! pkg_installed "$svg"; then
    as_root apt-get install -y -q --no-install-recommends "$svg"
  fi
  sqlcipher_ok || die "SQLCipher ${SQLCIPHER_MIN_DEB_VERSION} or newer could not be installed"
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
# Whether the installed clang links a libFuzzer target with AddressSanitizer.
clang_can_fuzz() {
  command -v clang++ >/dev/null 2>&1 || return 1
  local tmp status=0
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/bv-fuzzcheck-XXXXXX")"
  printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$tmp/f.cpp"
  clang++ -fsanitize=fuzzer,address,undefined "$tmp/f.cpp" -o "$tmp/f" >/dev/null 2>&1 || status=1
  rm -rf "$tmp"
  return "$status"
}

cmd_fuzz() {
  local fuzz_dir="${BV_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
  if ! clang_can_fuzz; then
    say "skipping the fuzzers: no clang with libFuzzer and AddressSanitizer here (install clang and its libclang-rt-N-dev)"
    return 0
  fi
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
  # The branch-server tests (tests/server) need a PostgreSQL cluster: pg_virtualenv (postgresql-common) creates a
  # throwaway one for the run in a temporary folder (-t: also when run as root, so that nothing is written to
  # /etc/postgresql and two runs cannot meet) and removes it afterwards.
  local pg_version
  pg_version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$pg_version" ] || die "no PostgreSQL server installed (the branch-server tests need one; run tools/dev.sh setup)"
  say "running the test suite (private D-Bus session + gnome-keyring, offscreen widgets, throwaway PostgreSQL $pg_version)"
  # BV_PG_PORT: the throwaway cluster's TCP port, for two runs on one machine (tools/distro-check.sh sets it);
  # pg_createcluster's own choice otherwise
  local pg_options=()
  [ -n "${BV_PG_PORT:-}" ] && pg_options=(-c "-p $BV_PG_PORT")
  with_private_keyring pg_virtualenv -t -v "$pg_version" "${pg_options[@]}" \
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
  # The benchmark at its small size proves it still runs end to end; its timings are printed, never
  # asserted (docs/PERFORMANCE.md has the full-size figures).
  say "running branchvault-bench --quick"
  "$BUILD_DIR/app/branchvault-bench" --quick --out "$BUILD_DIR/bench-quick.json"
  if [ "${BV_SKIP_FUZZ:-0}" != "1" ]; then
    cmd_fuzz
  fi
}

cmd_run() {
  # asked first: without a display there is no point in installing and building for minutes
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    die "no desktop session (DISPLAY/WAYLAND_DISPLAY unset): run this from a desktop terminal"
  fi
  cmd_setup
  cmd_build
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

# The Debian package (docs/INSTALL.md): build/package/branchvault_<version>-<revision>_<arch>.deb and its
# -dbgsym .ddeb, built from the same (hardened) build the tests run; then appstreamcli and lintian check it.
# lintian fails on any error or warning that installer/debian/lintian-overrides does not explain.
cmd_package() {
  cmd_setup
  apt_install_missing "${PACKAGE_TOOLS[@]}"
  say "configuring in $BUILD_DIR"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BV_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  say "building what the package holds"
  cmake --build "$BUILD_DIR" --parallel "$JOBS" --target branchvault branchvault-cli bv_packaging_files
  local out="$BUILD_DIR/package" started
  started=$(date +%s)
  rm -rf "$out"
  say "cpack -G DEB"
  (cd "$BUILD_DIR" && cpack -G DEB -B "$out" >"$BUILD_DIR/cpack.log" 2>&1) || { cat "$BUILD_DIR/cpack.log" >&2; die "cpack failed"; }
  rm -rf "$out/_CPack_Packages"
  local deb
  deb="$(ls "$out"/branchvault_*.deb)"
  check_package_binaries "$deb"
  say "appstreamcli validate"
  appstreamcli validate --no-net --explain "$ROOT"/installer/*.metainfo.xml
  say "lintian $(basename "$deb")"
  lintian --fail-on error,warning --info "$deb"
  say "built in $(($(date +%s) - started)) s: $(cd "$out" && ls -s --block-size=K -- *.deb *.ddeb | tr '\n' ' ')"
}

# The packaged programs are stripped (symbols in the -dbgsym file) and, in a hardened build (BV_HARDENING, the
# default), PIE with full RELRO and BIND_NOW: read from the files in the package itself.
check_package_binaries() {
  local tmp bin problems=()
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/bv-debcheck-XXXXXX")"
  dpkg-deb -x "$1" "$tmp"
  local hardened=0
  grep -qs '^BV_HARDENING:BOOL=ON' "$BUILD_DIR/CMakeCache.txt" && hardened=1
  for bin in "$tmp"/usr/bin/*; do
    local name
    name="$(basename "$bin")"
    readelf -S -W "$bin" | grep -q '\.debug_info' && problems+=("$name is not stripped")
    [ "$hardened" -eq 1 ] || continue
    readelf -h "$bin" | grep -q 'Type:.*DYN' || problems+=("$name is not PIE")
    readelf -l -W "$bin" | grep -q 'GNU_RELRO' || problems+=("$name has no RELRO")
    readelf -d -W "$bin" | grep -Eq 'BIND_NOW|FLAGS_1.*NOW' || problems+=("$name has no BIND_NOW")
    # FORTIFY turns only calls whose buffer size the compiler knows into __*_chk: counted, not required
    say "$name: $(readelf --dyn-syms -W "$bin" | grep -c '__[a-z]*_chk@' || true) fortified libc functions imported"
  done
  rm -rf "$tmp"
  [ "${#problems[@]}" -eq 0 ] || die "package binaries: ${problems[*]}"
  if [ "$hardened" -eq 1 ]; then
    say "binaries stripped; PIE, RELRO, BIND_NOW present"
  else
    say "binaries stripped (a build with BV_HARDENING=OFF: hardening not checked)"
  fi
}

# Installs the package into a clean Debian 12 made with debootstrap and runs it there (tools/package-test.sh).
# The package is built first (from the current build), so what is tested is what the sources make now.
cmd_package_test() {
  cmd_package
  local deb
  deb="$(ls "$BUILD_DIR"/package/branchvault_*.deb | head -n1)"
  apt_install_missing "${PACKAGE_TEST_TOOLS[@]}"
  "$ROOT/tools/package-test.sh" "$deb" "${BV_PACKAGE_TEST_SUITE:-bookworm}"
}

case "${1:-help}" in
  setup) shift; cmd_setup "$@" ;;
  build) shift; cmd_setup; cmd_build "$@" ;;
  test) shift; cmd_test "$@" ;;
  run) shift; cmd_run "$@" ;;
  translations) shift; cmd_translations "$@" ;;
    fuzz) shift; cmd_setup; cmd_fuzz "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  package) shift; cmd_package "$@" ;;
  package-test) shift; cmd_package_test "$@" ;;
  help|-h|--help)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$1' (try: run, test, setup, build, bench, translations, package, package-test)" ;;
esac
