#!/usr/bin/env bash
# K2Verifier on a SLURM array: one shard per array task, then a dependent merge job.
#   sbatch --array=0-3 docs/recipes/slurm-array.sh        # 4 shards (the shard count is the array's size)
#   sbatch --dependency=afterok:JOBID docs/recipes/slurm-merge.sh
# Each task runs `k2verifier run` with no --shard: the shard comes from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_MIN /
# SLURM_ARRAY_TASK_COUNT. Set DATASET, OUT and TARGET (the deployment's flags) in the environment or below.
#SBATCH --job-name=k2v-shard
#SBATCH --cpus-per-task=2
#SBATCH --time=04:00:00
set -euo pipefail
K2V="${K2V:-k2verifier}"
DATASET="${DATASET:-datasets/k2v-4000/samples.jsonl}"
OUT="${OUT:-out/nightly}"
TARGET="${TARGET:---base-url ${BASE_URL:-http://127.0.0.1:8000/v1} --model ${MODEL:-kimi-k2}}"
shard="$OUT/shards/${SLURM_ARRAY_TASK_ID}"
# shellcheck disable=SC2086 # K2V and TARGET are word lists on purpose
$K2V run "$DATASET" $TARGET --concurrency "${CONCURRENCY:-16}" --incremental \
  --output "$shard/results.jsonl" --summary "$shard/summary.json"
