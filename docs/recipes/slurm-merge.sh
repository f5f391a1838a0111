#!/usr/bin/env bash
# The merge after every shard of slurm-array.sh finished: one journal, one summary, the gate decides the exit code.
#SBATCH --job-name=k2v-merge
#SBATCH --time=00:30:00
set -euo pipefail
K2V="${K2V:-k2verifier}"
OUT="${OUT:-out/nightly}"
# shellcheck disable=SC2086
$K2V merge "$OUT/shards" --output "$OUT/results.jsonl" --summary "$OUT/summary.json" \
  --baseline "${BASELINE:-datasets/k2v-4000/expected.jsonl}" --gate "${GATE:-tool_call_f1>=0.80}" --junit "$OUT/junit.xml"
