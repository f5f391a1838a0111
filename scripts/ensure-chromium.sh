#!/usr/bin/env bash
# Makes sure the HTML report's browser tests have a Chromium: Playwright (the integration test project's package)
# drives Debian's chromium through ExecutablePath, since its own browser download is not reachable here; its Node
# driver comes inside the NuGet package, so nothing else is installed (no `playwright install`).
# Quick when Chromium is there ($K2V_CHROMIUM, /usr/bin/chromium, or chromium on PATH). Otherwise Debian's package
# is installed (scripts/apt-install.sh: as root, or with sudo when it needs no password). Never fatal: without a
# browser the browser tests are skipped with the reason on a developer machine and fail in CI (CI=true), as their
# ChromiumFact says.
set -uo pipefail

if [[ -n "${K2V_CHROMIUM:-}" && -x "${K2V_CHROMIUM}" ]] || [[ -x /usr/bin/chromium ]] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi

exec "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" "ensure-chromium (the HTML report's browser tests, about a minute)" chromium
