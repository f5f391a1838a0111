#!/usr/bin/env bash
# Makes sure the differential tests have their Python oracles: python3 with jsonschema (the JSON Schema oracle) and
# Jinja2 (the chat-template oracle). Quick when they import. Otherwise Debian's packages are installed as root, or with
# sudo when it needs no password (PyPI is not reachable here; Debian's versions may be older than the 4.26 / 3.1.6 the
# tests were written against, and a difference then shows as a failing differential test, not a silent skip).
# Never fatal: without the oracles the tests are skipped with the reason on a developer machine and fail in CI
# (CI=true), as their attributes say.
set -uo pipefail

if command -v python3 >/dev/null 2>&1 && python3 -c 'import jsonschema, jinja2' >/dev/null 2>&1; then
  exit 0
fi

install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-jsonschema python3-jinja2)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-python-oracles: python3 with jsonschema and jinja2 is missing and there is no apt-get: install them" >&2
  exit 0
fi

echo "ensure-python-oracles: installing Debian's python3-jsonschema and python3-jinja2 for the differential tests..." >&2
if [[ "$(id -u)" == "0" ]]; then
  apt-get update -qq && "${install[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo -n apt-get update -qq && sudo -n "${install[@]}" >/dev/null
else
  echo "ensure-python-oracles: not root and no password-less sudo: run 'sudo apt-get install -y python3-jsonschema python3-jinja2' once" >&2
  exit 0
fi || echo "ensure-python-oracles: installing them failed (see above); the differential tests will be skipped, or fail in CI" >&2
exit 0
