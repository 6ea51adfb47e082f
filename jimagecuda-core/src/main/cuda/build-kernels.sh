#!/usr/bin/env bash
# Builds every kernel of src/main/cuda into one fatbin: SASS for sm_75, sm_80, sm_86, sm_89, sm_90 and
# PTX for compute_90 (forward compatibility). Called by Maven (generate-resources) with the output path.
# Without nvcc on PATH (or JIMAGECUDA_NVCC) the build still succeeds: the CUDA backend then reports that
# its kernels were not built. Rebuilds only when a .cu/.cuh file is newer than the fatbin.
set -euo pipefail
out=$1
src=$(cd "$(dirname "$0")" && pwd)
nvcc=${JIMAGECUDA_NVCC:-$(command -v nvcc || true)}
if [ -z "$nvcc" ]; then
  echo "[jimagecuda] nvcc not found: building without CUDA kernels (the CPU backend still works)"
  rm -f "$out"
  exit 0
fi
if [ -s "$out" ] && [ -z "$(find "$src" -name '*.cu*' -newer "$out" -print -quit)" ] && [ "$0" -ot "$out" ]; then
  echo "[jimagecuda] kernels up to date: $out"
  exit 0
fi
mkdir -p "$(dirname "$out")"
# -fmad=false: no implicit multiply-add contraction, so the CPU backend (Java) reproduces every rounding;
# where the reference relies on a fused multiply-add, the kernels call fmaf() explicitly (see common.cuh).
"$nvcc" -fatbin -O3 -std=c++17 -fmad=false \
  -gencode arch=compute_75,code=sm_75 \
  -gencode arch=compute_80,code=sm_80 \
  -gencode arch=compute_86,code=sm_86 \
  -gencode arch=compute_89,code=sm_89 \
  -gencode arch=compute_90,code=sm_90 \
  -gencode arch=compute_90,code=compute_90 \
  -o "$out.tmp" "$src/jimagecuda.cu"
mv "$out.tmp" "$out"
echo "[jimagecuda] built $(basename "$out") ($(stat -c %s "$out") bytes) with $("$nvcc" --version | tail -1)"
