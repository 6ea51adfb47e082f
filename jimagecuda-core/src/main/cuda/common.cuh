// Pixel helpers shared by every kernel, mirrored one for one in internal/cpu/Px.java (same names, same
// order of float operations). The build passes -fmad=false, so a*b+c is never fused implicitly: where
// the reference's nvcc build fused a multiply-add, the helpers call fmaf() explicitly, and Px does
// Math.fma at the same place.
#pragma once
#include <cstdint>

#define JC_KERNEL extern "C" __global__ void

// One thread per pixel of a 2D launch (block shape: KernelLaunch.BLOCK_X x BLOCK_Y).
// Sets x, y and returns false for threads outside the width x height area.
__device__ __forceinline__ bool jc_pixel(int w, int h, int &x, int &y) {
  x = blockIdx.x * blockDim.x + threadIdx.x;
  y = blockIdx.y * blockDim.y + threadIdx.y;
  return x < w && y < h;
}

// Index of pixel (x, y) in a buffer whose rows are packed at width w.
__device__ __forceinline__ size_t jc_index(int x, int y, int w) {
  return (size_t)y * (size_t)w + (size_t)x;
}

// clampA: max(0, min(1, v)); NaN -> 1 (spec 1.9).
__device__ __forceinline__ float clampA(float v) { return fmaxf(0.0f, fminf(1.0f, v)); }
// clampB: min(max(v, 0), 1); NaN -> 0 (spec 1.9).
__device__ __forceinline__ float clampB(float v) { return fminf(fmaxf(v, 0.0f), 1.0f); }

// Float channel to 8 bits: trunc(fma(clampB(v), 255, 0.5)).
__device__ __forceinline__ unsigned char toU8(float v) {
  return (unsigned char)(int)fmaf(clampB(v), 255.0f, 0.5f);
}
