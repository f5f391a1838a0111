#!/usr/bin/env bash
# Makes sure chart text has a font. SkiaSharp draws charts without any text when no font is installed, and k2verifier
# refuses to draw them then (see docs/reports.md, "Fonts"). Idempotent and quick when a font is already there.
#
# In order: a font file named by K2VERIFIER_FONT, or any TrueType/OpenType font in the user cache or the system font
# folders, is enough. Otherwise, as root with apt-get, Debian's fonts-dejavu-core is installed; otherwise DejaVu Sans
# 2.37 is fetched from the npm registry (package dejavu-fonts-ttf@2.37.3, sha256-pinned below) into
# ${XDG_CACHE_HOME:-$HOME/.cache}/k2verifier/fonts, where k2verifier looks first. Nothing is written into the repository.
set -euo pipefail

PACKAGE="dejavu-fonts-ttf@2.37.3"
REGULAR_SHA256="7da195a74c55bef988d0d48f9508bd5d849425c1770dba5d7bfc6ce9ed848954"
BOLD_SHA256="e6476c1b80502924294eed40894c5b18e06c181444ca953e5334262df9c27724"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/k2verifier/fonts"

fail() {
  echo "fetch-font: $*" >&2
  echo "fetch-font: charts cannot be drawn without a font. Install one (apt-get install fonts-dejavu-core) or set K2VERIFIER_FONT to a .ttf file." >&2
  exit 3
}

has_font() {
  if [[ -n "${K2VERIFIER_FONT:-}" ]]; then
    [[ -f "$K2VERIFIER_FONT" ]] || fail "K2VERIFIER_FONT=\"$K2VERIFIER_FONT\" is not a file."
    return 0
  fi
  local folder
  for folder in "$cache" /usr/share/fonts /usr/local/share/fonts "$HOME/.local/share/fonts" "$HOME/.fonts"; do
    [[ -d "$folder" ]] || continue
    if [[ -n "$(find "$folder" -type f \( -iname '*.ttf' -o -iname '*.otf' \) -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  return 1
}

has_font && exit 0

if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "fetch-font: no font found; installing Debian's fonts-dejavu-core for chart text" >&2
  if (apt-get install -y -qq fonts-dejavu-core >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; }) && has_font; then
    exit 0
  fi
  echo "fetch-font: apt-get could not install fonts-dejavu-core; trying the npm registry" >&2
fi

command -v npm >/dev/null 2>&1 || fail "no font found, not root (or no apt-get) and npm is missing to fetch $PACKAGE."
mkdir -p "$cache"
work="$(mktemp -d "$cache/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "fetch-font: no font found; fetching DejaVu Sans ($PACKAGE, about 5 MB) into $cache" >&2
if ! tarball="$(cd "$work" && npm pack --loglevel=error "$PACKAGE" 2>"$work/npm.log" | tail -n 1)" || [[ ! -f "$work/$tarball" ]]; then
  cat "$work/npm.log" >&2 || true
  fail "could not fetch $PACKAGE from the npm registry."
fi
tar --no-same-owner -xzf "$work/$tarball" -C "$work" package/ttf/DejaVuSans.ttf package/ttf/DejaVuSans-Bold.ttf || fail "$PACKAGE has no package/ttf/DejaVuSans.ttf"
for pair in "DejaVuSans.ttf $REGULAR_SHA256" "DejaVuSans-Bold.ttf $BOLD_SHA256"; do
  set -- $pair
  actual="$(sha256sum "$work/package/ttf/$1" | cut -d' ' -f1)"
  [[ "$actual" == "$2" ]] || fail "$1 from $PACKAGE has sha256 $actual, expected $2 (pinned in ${BASH_SOURCE[0]}); refusing to use it."
  chmod 0644 "$work/package/ttf/$1"
  mv -f "$work/package/ttf/$1" "$cache/$1"
done
echo "fetch-font: DejaVu Sans in $cache" >&2
