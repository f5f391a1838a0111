#!/usr/bin/env bash
# Fetches the CPU build of ONNX Runtime GenAI 0.15.2 and ONNX Runtime 1.30.0 for linux-x64 from the npm registry,
# keeps only the two shared libraries, checks their sha256 against the values pinned below and caches them
# outside the repository. Idempotent: when the cache already holds both verified files it only prints their folder.
#
#   scripts/fetch-ortgenai.sh            fetch if needed, then print "ortgenai: libraries in DIR"
#   scripts/fetch-ortgenai.sh --print-dir   fetch if needed, print only DIR on stdout (for scripts)
#
# The cache folder is ${K2V_ORTGENAI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/k2verifier/ortgenai}/0.15.2/linux-x64;
# k2verifier looks there too (see README, "Local engine"). Nothing here is ever written inside the repository.
set -euo pipefail

GENAI_VERSION="0.15.2"
GENAI_PACKAGE="com.github.asus4.onnxruntime-genai@0.4.9"
GENAI_MEMBER="package/Plugins/Linux/x64/libonnxruntime-genai.so"
GENAI_FILE="libonnxruntime-genai.so"
GENAI_SHA256="d346e51d9386f174fbab2fd67c499258e79575f2c3a31f537764542d7e0b59bc"
ORT_PACKAGE="onnxruntime-node@1.30.0"
ORT_MEMBER="package/bin/napi-v6/linux/x64/libonnxruntime.so.1"
ORT_FILE="libonnxruntime.so.1"
ORT_SHA256="ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23"

print_dir_only=false
case "${1:-}" in
  --print-dir) print_dir_only=true ;;
  "") ;;
  -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "fetch-ortgenai: unknown argument \"$1\". Valid: --print-dir, --help." >&2; exit 2 ;;
esac

fail() {
  echo "fetch-ortgenai: $*" >&2
  exit 3
}

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) fail "only linux-x64 is packaged by this script (this machine: $(uname -s)-$(uname -m)). Point --ortgenai-lib or K2V_ORTGENAI_LIB at your own libonnxruntime-genai build." ;;
esac

cache_root="${K2V_ORTGENAI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/k2verifier/ortgenai}"
dir="$cache_root/$GENAI_VERSION/linux-x64"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

verified() {
  [[ -f "$dir/$GENAI_FILE" && -f "$dir/$ORT_FILE" ]] || return 1
  # A stamp records the verified size and mtime so a cached run does not re-hash 80 MB each time.
  local stamp="$dir/.verified"
  local expected
  expected="$(stat -c '%s %Y' "$dir/$GENAI_FILE" "$dir/$ORT_FILE" | tr '\n' ' ')"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$expected" ]]; then
    return 0
  fi
  [[ "$(sha_of "$dir/$GENAI_FILE")" == "$GENAI_SHA256" && "$(sha_of "$dir/$ORT_FILE")" == "$ORT_SHA256" ]] || return 1
  echo "$expected" >"$stamp"
}

# fetch PACKAGE MEMBER FILE SHA256 WORKDIR: npm pack, extract one member, verify, move into the cache folder.
fetch() {
  local package="$1" member="$2" file="$3" sha="$4" work="$5"
  echo "fetch-ortgenai: npm pack $package (about 100 MB, once)" >&2
  local tarball
  if ! tarball="$(cd "$work" && npm pack --loglevel=error "$package" 2>"$work/npm.log" | tail -n 1)" || [[ ! -f "$work/$tarball" ]]; then
    cat "$work/npm.log" >&2 || true
    fail "could not fetch $package from the npm registry (is it reachable? npm registry: $(npm config get registry 2>/dev/null || echo unknown))."
  fi
  tar -xzf "$work/$tarball" -C "$work" "$member" || fail "$package has no $member"
  rm -f "$work/$tarball"
  local actual
  actual="$(sha_of "$work/$member")"
  [[ "$actual" == "$sha" ]] || fail "$file from $package has sha256 $actual, expected $sha (pinned in ${BASH_SOURCE[0]}); refusing to use it."
  chmod 0644 "$work/$member"
  mv -f "$work/$member" "$dir/$file"
}

if ! verified; then
  command -v npm >/dev/null 2>&1 || fail "npm is required to fetch the native libraries (Debian: apt-get install npm)."
  mkdir -p "$dir"
  work="$(mktemp -d "$cache_root/.fetch.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  rm -f "$dir/.verified"
  if [[ ! -f "$dir/$GENAI_FILE" || "$(sha_of "$dir/$GENAI_FILE")" != "$GENAI_SHA256" ]]; then
    fetch "$GENAI_PACKAGE" "$GENAI_MEMBER" "$GENAI_FILE" "$GENAI_SHA256" "$work"
  fi
  if [[ ! -f "$dir/$ORT_FILE" || "$(sha_of "$dir/$ORT_FILE")" != "$ORT_SHA256" ]]; then
    fetch "$ORT_PACKAGE" "$ORT_MEMBER" "$ORT_FILE" "$ORT_SHA256" "$work"
  fi
  verified || fail "the libraries in $dir do not match the pinned sha256 values."
fi

if $print_dir_only; then
  echo "$dir"
else
  echo "ortgenai: libraries in $dir ($GENAI_FILE $GENAI_VERSION, $ORT_FILE 1.30.0; sha256 verified)"
fi
