#!/usr/bin/env bash
# apt-install.sh WHAT PACKAGE...: installs Debian packages for the tests' set-up scripts, as root or with sudo when it
# needs no password, and says why (WHAT) and what to do when it cannot. Never fatal: the caller's tests then skip with
# the reason on a developer machine and fail in CI (CI=true).
set -uo pipefail
what="$1"
shift
install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@")
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$what: no apt-get here: install $* yourself" >&2
  exit 0
fi

echo "$what: installing Debian's $* ..." >&2
if [[ "$(id -u)" == "0" ]]; then
  apt-get update -qq && "${install[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo -n apt-get update -qq && sudo -n "${install[@]}" >/dev/null
else
  echo "$what: not root and no password-less sudo: run 'sudo apt-get install -y $*' once" >&2
  exit 0
fi || echo "$what: installing $* failed (see above); the tests that need it will be skipped, or fail in CI" >&2
exit 0
