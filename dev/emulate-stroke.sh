#!/usr/bin/env bash
# Runs the stroke kernels of effect.cu on the host, without a GPU, and compares them bit for bit with plain
# sequential jump flooding (see dev/emulate-stroke.cpp). Needs a C++20 compiler (g++ 11 or newer, or CXX).
# Exit status 0 when every pixel and every nearest seed agree. Takes about 15 s (thousands of threads).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cuda=$here/../jimagecuda-core/src/main/cuda
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy of effect.cu that records each tile pixel's final seed in `probe`.
sed -e "s|#include \"common.cuh\"|#include \"$cuda/common.cuh\"|" \
    -e '/unsigned seed = cur\[(halo + ty2) \* side + halo + tx2\];/a\      probe[(size_t)gy * w + gx] = seed;' \
    "$cuda/effect.cu" > "$tmp/effect.cu"
if ! grep -q 'probe\[' "$tmp/effect.cu"; then
  echo "emulate-stroke: effect.cu changed: the probe line has no anchor; update this script" >&2
  exit 2
fi
"${CXX:-g++}" -std=c++20 -O2 -pthread -w -DEFFECT_CU="\"$tmp/effect.cu\"" "$here/emulate-stroke.cpp" -o "$tmp/emulate"
"$tmp/emulate"
