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
exec dbus-run-session -- bash -c '
  set -uo pipefail
  export LATCHKEY_TEST_KEYRING=1
  export XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
  chmod 700 "$XDG_RUNTIME_DIR"
  # In the foreground, so its messages are kept and its death is noticed. The unlock must be the first
  # touch of the Secret Service, or D-Bus starts a daemon without a login collection.
  log="$XDG_RUNTIME_DIR/gnome-keyring.log"
  printf latchkey-test | gnome-keyring-daemon --foreground --unlock --components=secrets >"$XDG_RUNTIME_DIR/gnome-keyring.env" 2>"$log" &
  daemon=$!
  for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
    sleep 0.1
  done
  eval "$(cat "$XDG_RUNTIME_DIR/gnome-keyring.env")"
  "$@"
  status=$?
  if ! kill -0 "$daemon" 2>/dev/null; then
    echo "*** gnome-keyring-daemon ended during the run; what it said:" >&2
    cat "$log" >&2
  fi
  kill "$daemon" 2>/dev/null
  exit "$status"' latchkey-keyring "$@"
