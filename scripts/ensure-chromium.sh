#!/usr/bin/env bash
# Makes sure the HTML report's browser tests have a Chromium: Playwright (the integration test project's package)
# drives Debian's chromium through ExecutablePath, since its own browser download is not reachable here; its Node
# driver comes inside the NuGet package, so nothing else is installed (no `playwright install`).
# Quick when Chromium is there ($K2V_CHROMIUM, /usr/bin/chromium, or chromium on PATH). Otherwise Debian's package
# is installed as root, or with sudo when it needs no password. Never fatal: without a browser the browser tests are
# skipped with the reason on a developer machine and fail in CI (CI=true), as their ChromiumFact says.
set -uo pipefail

if [[ -n "${K2V_CHROMIUM:-}" && -x "${K2V_CHROMIUM}" ]] || [[ -x /usr/bin/chromium ]] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi

install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no Chromium and no apt-get: install Chromium, or set K2V_CHROMIUM to its executable" >&2
  exit 0
fi

echo "ensure-chromium: installing Debian's chromium for the HTML report's browser tests (about a minute)..." >&2
if [[ "$(id -u)" == "0" ]]; then
  apt-get update -qq && "${install[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo -n apt-get update -qq && sudo -n "${install[@]}" >/dev/null
else
  echo "ensure-chromium: not root and no password-less sudo: run 'sudo apt-get install -y chromium' once" >&2
  exit 0
fi || echo "ensure-chromium: installing chromium failed (see above); the browser tests will be skipped, or fail in CI" >&2
exit 0
