#!/usr/bin/env bash
# K2Verifier entry point.
#   ./run.sh               set up, then run the embedded default job
#   ./run.sh test [STAGE]  restore, build in Release and run every test stage (or one: unit, conformance, integration)
#   ./run.sh bench [ARGS]  run the benchmarks (BenchmarkDotNet) in Release
#   ./run.sh COMMAND ...   run a CLI command (builds first, quietly, only when sources changed)
# The local engine's native libraries (ONNX Runtime GenAI, CPU) come from the Microsoft.ML.OnnxRuntimeGenAI NuGet package.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ARTIFACTS="$ROOT/artifacts"
CLI_PROJECT="$ROOT/harness/K2Verifier.Cli/K2Verifier.Cli.csproj"
# The CLI that run.sh runs, in artifacts/cli: Native AOT (one native executable, no JIT: half the CPU per request) when a
# C linker is there, else ReadyToRun images (crossgen, the SDK's own pack). K2V_CLI_BUILD=aot|readytorun chooses; the
# stamp records which one was built. Tests use the plain build in artifacts/bin (docs/performance.md).
CLI_DIR="$ARTIFACTS/cli"
BUILD_STAMP="$ARTIFACTS/.cli-build-stamp"
AOT_FAILED="$ARTIFACTS/cli-build-aot-failed.log"   # the log of a failed Native AOT build; while it exists, ReadyToRun

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The CLI and the end-to-end benchmarks run with a 16 MiB gen0 budget (the runtime caps it at 6 MiB under its default,
# concurrent, workstation GC, and no runtimeconfig setting raises it): a thousand streams in flight for a second each
# otherwise live through about 100 gen0, 40 gen1 and 8 gen2 collections per 6,000 requests, a quarter of the harness's
# CPU. 64 MiB saves more there but costs an instant vendor's replay a fifth more CPU (fresh memory for every gen0);
# 16 MiB costs it nothing (docs/performance.md, "Garbage collection"). The value is hexadecimal without 0x: the JIT
# runtime reads both forms, the Native AOT runtime only this one. A value already set wins; tests and builds keep the
# default.
gc_budget() { export DOTNET_GCgen0size="${DOTNET_GCgen0size:-1000000}"; }

require_sdk() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "run.sh: the .NET 10 SDK is required but 'dotnet' is not on PATH." >&2
    echo "        Install it: https://dotnet.microsoft.com/download/dotnet/10.0 (or your distribution's dotnet-sdk-10.0 package)." >&2
    exit 2
  fi
  if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    echo "run.sh: the .NET 10 SDK is required; found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')" >&2
    echo "        Install it: https://dotnet.microsoft.com/download/dotnet/10.0 (or your distribution's dotnet-sdk-10.0 package)." >&2
    exit 2
  fi
}

# Native AOT links with gcc or clang (the compiler packs zlib and the runtime; objcopy strips the symbols).
aot_toolchain() {
  { command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; } &&
    { command -v objcopy >/dev/null 2>&1 || command -v llvm-objcopy >/dev/null 2>&1; }
}

# Prints the build to make: K2V_CLI_BUILD if set, else aot when a toolchain is there (before the first build, Debian's gcc
# is installed when it can be: scripts/apt-install.sh) and no Native AOT build has failed here, else readytorun.
cli_build() {
  case "${K2V_CLI_BUILD:-}" in
    aot|readytorun) echo "$K2V_CLI_BUILD"; return ;;
    "") ;;
    *) echo "run.sh: K2V_CLI_BUILD must be aot or readytorun, not '$K2V_CLI_BUILD'" >&2; exit 2 ;;
  esac
  if [[ -f "$AOT_FAILED" ]]; then echo readytorun; return; fi
  if [[ ! -f "$BUILD_STAMP" ]] && ! aot_toolchain; then
    "$ROOT/scripts/apt-install.sh" "run.sh (a C linker for the Native AOT build)" gcc libc6-dev binutils
  fi
  if aot_toolchain; then echo aot; else echo readytorun; fi
}

# publish_cli BUILD LOG: publishes the CLI into artifacts/cli and stamps it.
publish_cli() {
  local -a properties=(-p:K2vReadyToRun=true)
  # Native AOT gets its own artifacts folder: self-contained intermediates must not mix with the framework-dependent ones.
  [[ "$1" == aot ]] && properties=(-p:K2vNativeAot=true "-p:ArtifactsPath=$ARTIFACTS/aot")
  rm -rf "$CLI_DIR" "$BUILD_STAMP"
  dotnet publish "$CLI_PROJECT" -c Release "${properties[@]}" -o "$CLI_DIR" -nologo -v quiet >"$2" 2>&1 && echo "$1" >"$BUILD_STAMP"
}

# Sets CLI to the command that runs the built CLI, with the gen0 budget.
cli_command() {
  if [[ "$(cat "$BUILD_STAMP")" == aot ]]; then CLI=("$CLI_DIR/k2verifier"); else CLI=(dotnet "$CLI_DIR/k2verifier.dll"); fi
  gc_budget
}

sources_changed() {
  [[ -f "$BUILD_STAMP" && "$(cat "$BUILD_STAMP")" == "$1" ]] || return 0
  local changed
  # reports/ also holds the default job's output (reports/latest): only its projects are sources.
  changed="$(find "$ROOT/harness" "$ROOT/datasets" "$ROOT"/reports/K2Verifier.* "$ROOT/localengine" "$ROOT/Directory.Build.props" \
    "$ROOT/Directory.Packages.props" "$ROOT/global.json" "$ROOT/eng" \
    \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \
    -o -name '*.targets' -o -name '*.json' -o -name '*.txt' -o -name '*.jsonl' \) -newer "$BUILD_STAMP" -print -quit 2>/dev/null)"
  [[ -n "$changed" ]]
}

build_cli() {
  local build
  build="$(cli_build)"
  if sources_changed "$build"; then
    mkdir -p "$ARTIFACTS"
    local log="$ARTIFACTS/cli-build.log"
    local started=$SECONDS
    local minutes="1-3" what="ReadyToRun"
    [[ "$build" == aot ]] && minutes="3-7" what="Native AOT"
    local previous
    previous="$(cat "$BUILD_STAMP" 2>/dev/null || true)"
    if [[ -n "$previous" && "$previous" != "$build" ]]; then
      echo "run.sh: building the CLI as $build instead of $previous (Release, $what; $minutes minutes)..." >&2
    elif [[ -n "$previous" ]]; then
      echo "run.sh: sources changed, rebuilding the CLI (Release, $what; $minutes minutes)..." >&2
    else
      echo "run.sh: first run: restoring packages and building the CLI (Release, $what; $minutes minutes, longer on a loaded machine; later runs skip this)..." >&2
    fi
    if ! publish_cli "$build" "$log"; then
      if [[ "$build" == aot && -z "${K2V_CLI_BUILD:-}" ]]; then
        # A machine whose linker cannot link (no C library headers, say) still gets a CLI; later runs do not retry.
        tail -n 15 "$log" >&2
        mv "$log" "$AOT_FAILED"
        echo "run.sh: the Native AOT build failed (above; log: $AOT_FAILED); building ReadyToRun instead, as later runs will until that log is deleted." >&2
        publish_cli readytorun "$log" || { cat "$log" >&2; echo "run.sh: build failed (log: $log)" >&2; exit 2; }
      else
        cat "$log" >&2
        echo "run.sh: build failed (log: $log)" >&2
        exit 2
      fi
    fi
    echo "run.sh: built in $((SECONDS - started)) s (log: $log)" >&2
  fi
}

# Chart text needs a font (a quick no-op when one is installed; else Debian's fonts-dejavu-core as root, or DejaVu Sans
# from the npm registry into the user cache). Not fatal here: without a font, drawing a chart stops with the fix.
ensure_font() {
  "$ROOT/scripts/fetch-font.sh" || echo "run.sh: no font for chart text (see above); reports cannot be drawn" >&2
}

# Reads the counters of a .trx file: prints "total passed failed skipped".
trx_counts() {
  local trx="$1"
  local line
  line="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  local total passed failed
  total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$line")"
  passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")"
  failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")"
  echo "${total:-0} ${passed:-0} ${failed:-0} $(( ${total:-0} - ${passed:-0} - ${failed:-0} ))"
}

stage_of() {
  case "$1" in
    *.Conformance.Tests) echo conformance ;;
    *.Integration.Tests) echo integration ;;
    *) echo unit ;;
  esac
}

run_tests() {
  local only="${1:-}"
  cd "$ROOT"
  echo "== restore"
  dotnet restore K2Verifier.sln -nologo -v quiet
  echo "== build (Release)"
  dotnet build K2Verifier.sln -c Release --no-restore -nologo -v quiet -clp:ErrorsOnly
  local results="$ARTIFACTS/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local passed=0 failed=0 skipped=0 status=0
  local stage
  for stage in unit conformance integration; do
    [[ -n "$only" && "$only" != "$stage" ]] && continue
    if [[ "$stage" == integration ]]; then
      # The integration stage holds the CLI that ./run.sh runs to the JIT build (tests/.../Published): publish it first.
      echo "== publish the CLI"
      build_cli
      if [[ "${CI:-}" == true && "$(cat "$BUILD_STAMP")" != aot ]]; then
        echo "run.sh: CI tests the Native AOT build, but the CLI was built as $(cat "$BUILD_STAMP") (no C linker, gcc or clang with objcopy, or K2V_CLI_BUILD set)" >&2
        status=1
      fi
    fi
    local project
    for project in tests/*/*.Tests.csproj; do
      local name
      name="$(basename "$project" .csproj)"
      [[ "$(stage_of "$name")" == "$stage" ]] || continue
      echo "== $stage: $name"
      if ! dotnet test "$project" -c Release --no-build --nologo \
          --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false; then
        status=1
      fi
      if [[ -f "$results/$name.trx" ]]; then
        read -r t p f s < <(trx_counts "$results/$name.trx")
        passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
      else
        echo "run.sh: $name produced no test results" >&2
        status=1
      fi
    done
  done
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  return $status
}

require_sdk
case "${1:-}" in
  test)
    shift
    ensure_font
    "$ROOT/scripts/ensure-chromium.sh"
    "$ROOT/scripts/ensure-python-oracles.sh"
    run_tests "$@"
    ;;
  bench)
    shift
    cd "$ROOT"
    if [[ -z "${1:-}" || "$1" == -* ]]; then
      # BenchmarkDotNet's micro-benchmarks build their own runner from the project.
      exec dotnet run -c Release --project tests/K2Verifier.Benchmarks -- "$@"
    fi
    # The end-to-end benchmarks host the harness (ReadyToRun); bench replay and slow-vendor also measure the CLI run.sh runs.
    dotnet publish tests/K2Verifier.Benchmarks -c Release -p:K2vReadyToRun=true -o "$ARTIFACTS/bench" -nologo -v quiet -clp:ErrorsOnly
    extra=()
    if [[ "$1" == replay || "$1" == slow-vendor ]]; then
      build_cli
      extra=(--cli "$CLI_DIR")
    fi
    gc_budget
    exec dotnet "$ARTIFACTS/bench/K2Verifier.Benchmarks.dll" "$@" "${extra[@]}"
    ;;
  "")
    build_cli
    ensure_font
    # The embedded default job: k2v-4000 against the simulated reference and vllm-0.11.0 deployments.
    cli_command
    exec "${CLI[@]}" demo --dataset "$ROOT/datasets/k2v-4000" --out "$ROOT/reports/latest"
    ;;
  *)
    build_cli
    ensure_font
    cli_command
    exec "${CLI[@]}" "$@"
    ;;
esac
