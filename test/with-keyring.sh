#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so tests use a
# real Secret Service and never touch the developer's own keyring. Without the tools it runs the
# command as it is, and the keychain suites skip (or fail under CI=true) saying what to install.
set -euo pipefail
if [[ "${LATCHKEY_TEST_KEYRING:-}" == 1 ]]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "*** no dbus-run-session/gnome-keyring-daemon: keychain tests cannot use a real keyring" \
       "(apt-get install dbus dbus-x11 gnome-keyring libsecret-tools)" >&2
  exec "$@"
fi
# A session bus that starts no services on demand: if the keyring daemon dies, D-Bus must not start a
# locked stand-in before the replacement below unlocks the same keyring.
bus_config="$(cd "$(dirname "$0")" && pwd)/session-bus.conf"
exec dbus-run-session --config-file="$bus_config" -- bash -c '
  set -uo pipefail
  export LATCHKEY_TEST_KEYRING=1
  export XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
  chmod 700 "$XDG_RUNTIME_DIR"
  log="$XDG_RUNTIME_DIR/gnome-keyring.log"
  # gnome-keyring-daemon aborts when a client disconnects in the middle of opening its session (an
  # assertion in aes_negotiate): a replacement unlocks the same keyring file, so a crash costs only the
  # calls in flight, and is reported.
  (
    while true; do
      printf latchkey-test | gnome-keyring-daemon --foreground --replace --unlock --components=secrets >/dev/null 2>>"$log"
      echo "*** gnome-keyring-daemon ended (status $?); started a replacement" >>"$log"
    done
  ) 2>>"$log" &
  supervisor=$!
  for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
    sleep 0.1
  done
  "$@"
  status=$?
  kill "$supervisor" 2>/dev/null
  if grep -q "started a replacement" "$log"; then
    echo "*** the test keyring daemon died during the run; what it said:" >&2
    cat "$log" >&2
  fi
  exit "$status"' latchkey-keyring "$@"
