#!/usr/bin/env bash
# Makes sure the differential tests have their Python oracles: python3 with jsonschema (the JSON Schema oracle) and
# Jinja2 (the chat-template oracle). Quick when they import. Otherwise Debian's packages are installed
# (scripts/apt-install.sh: as root, or with sudo when it needs no password). PyPI is not reachable here, and Debian's
# versions may be older than the jsonschema 4.26 / Jinja2 3.1.6 the tests were written against: a difference then
# shows as a failing differential test, not a silent skip. Never fatal: without the oracles the tests are skipped with
# the reason on a developer machine and fail in CI (CI=true), as their attributes say.
set -uo pipefail

if command -v python3 >/dev/null 2>&1 && python3 -c 'import jsonschema, jinja2' >/dev/null 2>&1; then
  exit 0
fi

exec "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" "ensure-python-oracles (the differential tests)" python3 python3-jsonschema python3-jinja2
