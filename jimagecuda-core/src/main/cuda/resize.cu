// Resampling to a new size (spec 3.7), one thread per output pixel, float4 loads and stores.
// CPU twin: internal/cpu/CpuResize.java. Output pixel (x, y) samples the source at
// resizeCoord(x, sw / dw), resizeCoord(y, sh / dh) (pixel centres aligned; scales rounded to float) with
// the samplers of common.cuh. No prefilter on reductions (as the reference).
#pragma once
#include "common.cuh"

JC_KERNEL resize_nearest(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                         int sh) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  float sx = resizeCoord(x, (float)sw / (float)dw);
  float sy = resizeCoord(y, (float)sh / (float)dh);
  dst[jc_index(x, y, dw)] = sampleNearest(src, sw, sh, sx, sy);
}

JC_KERNEL resize_bilinear(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                          int sh) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  float sx = resizeCoord(x, (float)sw / (float)dw);
  float sy = resizeCoord(y, (float)sh / (float)dh);
  dst[jc_index(x, y, dw)] = sampleBilinear(src, sw, sh, sx, sy);
}

JC_KERNEL resize_bicubic(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                         int sh) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  float sx = resizeCoord(x, (float)sw / (float)dw);
  float sy = resizeCoord(y, (float)sh / (float)dh);
  dst[jc_index(x, y, dw)] = sampleBicubic(src, sw, sh, sx, sy);
}

// Lanczos: a column's six weights depend only on x and a row's only on y, so each block computes the
// weights of its JC_BLOCK_X columns and JC_BLOCK_Y rows once, into shared memory (each thread at most one
// lanczosWeight, i.e. two sinf), instead of twelve per thread. Same values, same order of accumulation
// as sampleLanczos (and Px.sampleLanczos).
JC_KERNEL resize_lanczos(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                         int sh) {
  __shared__ float wxs[6][JC_BLOCK_X];
  __shared__ float wys[6][JC_BLOCK_Y];
  float scaleX = (float)sw / (float)dw;
  float scaleY = (float)sh / (float)dh;
  int bx = blockDim.x;
  int by = blockDim.y;
  int tables = 6 * (bx + by);
  for (int k = threadIdx.y * bx + threadIdx.x; k < tables; k += bx * by) {
    if (k < 6 * bx) {
      int col = k % bx;
      int tap = k / bx;
      float s = resizeCoord(blockIdx.x * bx + col, scaleX);
      wxs[tap][col] = lanczosWeight(s - (float)(lanczosFirst(s) + tap));
    } else {
      int row = (k - 6 * bx) % by;
      int tap = (k - 6 * bx) / by;
      float s = resizeCoord(blockIdx.y * by + row, scaleY);
      wys[tap][row] = lanczosWeight(s - (float)(lanczosFirst(s) + tap));
    }
  }
  __syncthreads();
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  float wx[6], wy[6];
#pragma unroll
  for (int i = 0; i < 6; i++) {
    wx[i] = wxs[i][threadIdx.x];
    wy[i] = wys[i][threadIdx.y];
  }
  int x0 = lanczosFirst(resizeCoord(x, scaleX));
  int y0 = lanczosFirst(resizeCoord(y, scaleY));
  dst[jc_index(x, y, dw)] = jc_window<6, true>(src, sw, sh, x0, y0, wx, wy);
}
