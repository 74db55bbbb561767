#!/usr/bin/env bash
# Runs inside the clean system of tools/package-test.sh, as an ordinary user, against the installed package.
set -euo pipefail

check() { printf '    ok: %s\n' "$*" >&2; }
fail() { printf 'package-test: FAILED: %s\n' "$*" >&2; exit 1; }

# --- the files the package promises -------------------------------------------------------------------------
for f in /usr/bin/branchvault /usr/bin/branchvault-cli \
  /usr/share/man/man1/branchvault.1.gz /usr/share/man/man1/branchvault-cli.1.gz \
  /usr/share/bash-completion/completions/branchvault-cli \
  /usr/share/applications/org.branchvault.BranchVault.desktop \
  /usr/share/metainfo/org.branchvault.BranchVault.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/branchvault.svg /usr/share/icons/hicolor/48x48/apps/branchvault.png \
  /usr/share/doc/branchvault/copyright /usr/share/doc/branchvault/changelog.Debian.gz; do
  [ -e "$f" ] || fail "$f is missing"
done
check "binaries, manual pages, completion, desktop entry, AppStream, icons, copyright, changelog"
[ -e /usr/lib/x86_64-linux-gnu/qt6/plugins/iconengines/libqsvgicon.so ] || fail "no SVG icon engine (libqt6svg6)"
[ -n "$(fc-list :lang=zh family)" ] || fail "fc-list :lang=zh lists no font: the Chinese interface would show boxes"
check "a CJK font: $(fc-list :lang=zh family | head -n1)"

# --- no display: --help and --version answer, a start says so in one line ------------------------------------
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
branchvault --help | grep -q -- '--lang' || fail "branchvault --help without a display"
[ "$(branchvault --version)" = "$(branchvault-cli --version | sed 's/^branchvault-cli \([^ ]*\).*/branchvault \1/')" ] \
  || fail "branchvault --version"
check "branchvault --help, --version without a display: $(branchvault --version)"
status=0
err="$(branchvault 2>&1 >/dev/null)" || status=$?
[ "$status" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ $err == *"no display"* ]] \
  || fail "branchvault without a display: status $status, said: $err"
err_zh="$(branchvault --lang zh_CN 2>&1 >/dev/null)" || true
check "without a display: $err"
check "without a display (zh_CN): $err_zh"

# --- the CLI in a private D-Bus session with an unlocked gnome-keyring --------------------------------------
branchvault-cli --version >&2
runtime="$(mktemp -d)"
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
dbus-run-session -- bash -euo pipefail -c '
  check() { printf "    ok: %s\n" "$*" >&2; }
  fail() { printf "package-test: FAILED: %s\n" "$*" >&2; exit 1; }
  eval "$(printf package-test | gnome-keyring-daemon --unlock --components=secrets)"
  db="$HOME/branch/branch.bvdb"
  mkdir -p "$HOME/branch"
  init="$(branchvault-cli init --db "$db" --user root.admin --branch BJ01 --json)" || fail "init"
  one_time="$(printf "%s" "$init" | grep -o "\"password\": *\"[^\"]*\"" | sed "s/.*: *\"\(.*\)\"/\1/")"
  [ -n "$one_time" ] || fail "init printed no one-time password"
  check "init: database, key in gnome-keyring, envelope $(ls "$db.envelope" >/dev/null && echo present)"
  new="Package-test-2026"
  printf "%s\n%s\n%s\n" "$one_time" "$new" "$new" | branchvault-cli passwd --db "$db" --user root.admin >/dev/null \
    || fail "passwd"
  printf "%s\n" "$new" | branchvault-cli user list --db "$db" --user root.admin | grep -q root.admin \
    || fail "signing in with the new password"
  check "passwd: the one-time password replaced; user list signs in with the new one"
  branchvault-cli verify --db "$db" >&2 || fail "verify"
  check "verify"

  # the window, on the offscreen platform, in Chinese: it must still be running (at the sign-in) after 8 s
  status=0
  QT_QPA_PLATFORM=offscreen timeout 8 branchvault --lang zh_CN --db "$db" >"$HOME/gui.log" 2>&1 || status=$?
  [ "$status" -eq 124 ] || { cat "$HOME/gui.log" >&2; fail "branchvault --lang zh_CN ended with status $status"; }
  if grep -Ei "could not|cannot|failed|qt\.svg|QFont" "$HOME/gui.log" >&2; then
    fail "branchvault --lang zh_CN complained (above)"
  fi
  check "branchvault --lang zh_CN started offscreen and waited at the sign-in"
'
rm -rf "$runtime"
