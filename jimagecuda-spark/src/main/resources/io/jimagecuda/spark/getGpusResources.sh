#!/usr/bin/env bash
# Spark resource discovery script for NVIDIA GPUs (spark.executor.resource.gpu.discoveryScript, or
# spark.driver.resource.gpu.discoveryScript in local mode). Prints the GPUs of this machine as Spark expects:
#   {"name":"gpu","addresses":["0","1"]}
# The addresses are nvidia-smi's indices, which are CUDA device ordinals when CUDA_DEVICE_ORDER=PCI_BUS_ID
# (and, for the usual single-model machine, also in CUDA's default order). jimagecuda-spark binds each task
# to the CUDA device of the address Spark assigned to it.
#
# Without nvidia-smi, or when it fails, it prints no address and says why on stderr: an executor that asks
# for GPUs (spark.executor.resource.gpu.amount > 0) then fails to start with Spark's own message, while one
# that asks for none is not affected.
set -uo pipefail

if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "getGpusResources.sh: nvidia-smi not found on PATH: reporting no GPU" >&2
  echo '{"name":"gpu","addresses":[]}'
  exit 0
fi
if ! indices=$(nvidia-smi --query-gpu=index --format=csv,noheader 2>&1); then
  echo "getGpusResources.sh: nvidia-smi failed: reporting no GPU: $indices" >&2
  echo '{"name":"gpu","addresses":[]}'
  exit 0
fi
addresses=""
while IFS= read -r line; do
  index=$(echo "$line" | tr -d '[:space:]')
  [ -z "$index" ] && continue
  if ! [[ $index =~ ^[0-9]+$ ]]; then
    echo "getGpusResources.sh: ignoring a line of nvidia-smi that is not a GPU index: $line" >&2
    continue
  fi
  addresses="${addresses:+$addresses,}\"$index\""
done <<< "$indices"
echo "{\"name\":\"gpu\",\"addresses\":[$addresses]}"
