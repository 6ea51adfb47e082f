// Filters (spec 3.4). CPU twin: internal/cpu/CpuFilter.java (same formulas, same order of float
// operations). Every fmaf() stands where the reference's nvcc build fuses a multiply-add; every other
// operation rounds on its own (this file is compiled with -fmad=false). Borders clamp to the edge.
#pragma once
#include "common.cuh"

// ---- Gaussian blur: two separable passes, src -> temp (horizontal), temp -> dst (vertical) ----
//
// Each output is w0*S, then for i = 1..radius in order acc = fmaf(left_i + right_i, w_i, acc).
// Both passes give every thread a run of BLUR_RUN consecutive outputs along the blur direction and keep
// the operands of one tap in registers as a sliding window: going from tap i to tap i + 1, the left
// operands move one output to the right and the right operands one to the left, so each tap costs two
// new loads for BLUR_RUN outputs instead of two per output. The arithmetic is then the limit, not the
// loads. GaussianWeights.java computes the weights on the host; they come by value as a kernel
// parameter (the driver copies it at launch: no device allocation, no copy, no synchronise per call).

#define FILTER_MAX_RADIUS 100
struct FilterBlurWeights {
  float w[FILTER_MAX_RADIUS + 1];
};

// Outputs per thread along the blur direction (CudaFilter.RUN).
#define BLUR_RUN 8
static_assert(BLUR_RUN == 8, "the tap loops unroll by 8 and blurSlot pads every 8 columns");
// Horizontal pass: a warp blurs BLUR_SPAN consecutive pixels of one row; BLUR_H_ROWS warps per block
// (CudaFilter.SPAN, CudaFilter.H_ROWS).
#define BLUR_SPAN (32 * BLUR_RUN)
#define BLUR_H_ROWS 4
// Vertical pass: blocks of 32 columns x BLUR_V_WARPS warps, each warp BLUR_RUN rows (CudaFilter.V_WARPS).
#define BLUR_V_WARPS 8

__device__ __forceinline__ float4 blurScale(float4 c, float w) {
  return make_float4(c.x * w, c.y * w, c.z * w, c.w * w);
}

__device__ __forceinline__ float4 blurTap(float4 l, float4 r, float w, float4 acc) {
  return make_float4(fmaf(l.x + r.x, w, acc.x), fmaf(l.y + r.y, w, acc.y), fmaf(l.z + r.z, w, acc.z),
                     fmaf(l.w + r.w, w, acc.w));
}

// Shared-memory slot of tile column i: one float4 of padding after every 8 columns. Lanes read columns
// BLUR_RUN = 8 apart; with the padding, the 8 lanes of each quarter warp hit 8 different 16-byte bank
// groups (no conflicts), for the sliding loads as for the staged stores.
__device__ __forceinline__ int blurSlot(int i) { return i + (i >> 3); }

// Horizontal pass (src -> temp). Block: 32 x BLUR_H_ROWS threads; warp y of the block owns one row and
// one tile row of dynamic shared memory holding columns x0 - radius - 1 .. x0 + BLUR_SPAN + radius of
// that row, clamped to the image (the extra column on each side is the window's last, unused load).
JC_KERNEL filter_gaussian_blur_h(float4 *__restrict__ dst, const float4 *__restrict__ src, int w, int h,
                                 int radius, const __grid_constant__ FilterBlurWeights wt) {
  extern __shared__ float4 blurTile[];
  const int lane = threadIdx.x;
  const int y = blockIdx.y * BLUR_H_ROWS + threadIdx.y;
  if (y >= h) return;  // whole warps only: each warp works alone on its own tile row
  const int x0 = blockIdx.x * BLUR_SPAN;
  const int span = BLUR_SPAN + 2 * radius + 2;
  float4 *tile = blurTile + threadIdx.y * (blurSlot(span - 1) + 1);
  const float4 *in = src + (size_t)y * (size_t)w;
  for (int i = lane; i < span; i += 32) {
    tile[blurSlot(i)] = in[min(max(x0 - radius - 1 + i, 0), w - 1)];
  }
  __syncwarp();

  const int c0 = radius + 1 + lane * BLUR_RUN;  // tile column of this thread's first output
  const float w0 = wt.w[0];
  float4 acc[BLUR_RUN], left[BLUR_RUN], right[BLUR_RUN];
#pragma unroll
  for (int k = 0; k < BLUR_RUN; k++) {
    float4 c = tile[blurSlot(c0 + k)];
    acc[k] = blurScale(c, w0);
    if (k + 1 < BLUR_RUN) left[k + 1] = c;
    if (k > 0) right[k - 1] = c;
  }
  left[0] = tile[blurSlot(c0 - 1)];
  right[BLUR_RUN - 1] = tile[blurSlot(c0 + BLUR_RUN)];
#pragma unroll 8  // = BLUR_RUN: a whole window turn per iteration, so the shifts become register renames
  for (int i = 1; i <= radius; i++) {
    const float wi = wt.w[i];
#pragma unroll
    for (int k = 0; k < BLUR_RUN; k++) acc[k] = blurTap(left[k], right[k], wi, acc[k]);
#pragma unroll
    for (int k = BLUR_RUN - 1; k > 0; k--) left[k] = left[k - 1];
#pragma unroll
    for (int k = 0; k + 1 < BLUR_RUN; k++) right[k] = right[k + 1];
    left[0] = tile[blurSlot(c0 - 1 - i)];
    right[BLUR_RUN - 1] = tile[blurSlot(c0 + BLUR_RUN + i)];
  }

  // Stage the run in the tile, then store the row segment with consecutive lanes on consecutive pixels.
  __syncwarp();
#pragma unroll
  for (int k = 0; k < BLUR_RUN; k++) tile[blurSlot(lane * BLUR_RUN + k)] = acc[k];
  __syncwarp();
  float4 *out = dst + (size_t)y * (size_t)w;
  for (int i = lane; i < BLUR_SPAN && x0 + i < w; i += 32) out[x0 + i] = tile[blurSlot(i)];
}

// One input row of a column, clamped to the image, through the read-only cache.
__device__ __forceinline__ float4 blurRow(const float4 *__restrict__ column, int y, int w, int h) {
  return __ldg(column + (size_t)min(max(y, 0), h - 1) * (size_t)w);
}

// Vertical pass (temp -> dst), the op's result. Block: 32 columns x BLUR_V_WARPS warps; each thread
// blurs BLUR_RUN consecutive rows of one column, reading straight from global memory: the lanes of a
// warp read 32 adjacent pixels of one row per load, and the rows the warps of a block share come from L1.
JC_KERNEL filter_gaussian_blur(float4 *__restrict__ dst, const float4 *__restrict__ src, int w, int h,
                               int radius, const __grid_constant__ FilterBlurWeights wt) {
  const int x = blockIdx.x * 32 + threadIdx.x;
  const int y0 = (blockIdx.y * BLUR_V_WARPS + threadIdx.y) * BLUR_RUN;
  if (x >= w || y0 >= h) return;
  const float4 *column = src + x;
  const float w0 = wt.w[0];
  float4 acc[BLUR_RUN], left[BLUR_RUN], right[BLUR_RUN];
#pragma unroll
  for (int k = 0; k < BLUR_RUN; k++) {
    float4 c = blurRow(column, y0 + k, w, h);
    acc[k] = blurScale(c, w0);
    if (k + 1 < BLUR_RUN) left[k + 1] = c;
    if (k > 0) right[k - 1] = c;
  }
  left[0] = blurRow(column, y0 - 1, w, h);
  right[BLUR_RUN - 1] = blurRow(column, y0 + BLUR_RUN, w, h);
#pragma unroll 8  // = BLUR_RUN: a whole window turn per iteration, so the shifts become register renames
  for (int i = 1; i <= radius; i++) {
    const float wi = wt.w[i];
#pragma unroll
    for (int k = 0; k < BLUR_RUN; k++) acc[k] = blurTap(left[k], right[k], wi, acc[k]);
#pragma unroll
    for (int k = BLUR_RUN - 1; k > 0; k--) left[k] = left[k - 1];
#pragma unroll
    for (int k = 0; k + 1 < BLUR_RUN; k++) right[k] = right[k + 1];
    left[0] = blurRow(column, y0 - 1 - i, w, h);
    right[BLUR_RUN - 1] = blurRow(column, y0 + BLUR_RUN + i, w, h);
  }
#pragma unroll
  for (int k = 0; k < BLUR_RUN; k++) {
    if (y0 + k < h) dst[jc_index(x, y0 + k, w)] = acc[k];
  }
}

// ---- 3x3 neighbourhood filters: one thread per pixel, neighbours clamped to the edge ----

// Pixel (x, y) of a w x h image with both coordinates clamped to the image.
__device__ __forceinline__ float4 filterAt(const float4 *__restrict__ src, int x, int y, int w, int h) {
  return src[jc_index(min(max(x, 0), w - 1), min(max(y, 0), h - 1), w)];
}

// Sharpen: C (1 + 4s), then + N (-s) for the neighbours up, down, left, right, one at a time (fused);
// clampA per colour channel; alpha copied. Missing neighbours are the edge pixel (deviation: the
// reference skips them, which brightens the border).
JC_KERNEL filter_sharpen(float4 *__restrict__ dst, const float4 *__restrict__ src, int w, int h,
                         float strength) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const float cw = fmaf(4.0f, strength, 1.0f);
  const float nw = -strength;
  const float4 c = src[jc_index(x, y, w)];
  const float4 up = filterAt(src, x, y - 1, w, h);
  const float4 down = filterAt(src, x, y + 1, w, h);
  const float4 left = filterAt(src, x - 1, y, w, h);
  const float4 right = filterAt(src, x + 1, y, w, h);
  float r = c.x * cw, g = c.y * cw, b = c.z * cw;
  r = fmaf(up.x, nw, r); g = fmaf(up.y, nw, g); b = fmaf(up.z, nw, b);
  r = fmaf(down.x, nw, r); g = fmaf(down.y, nw, g); b = fmaf(down.z, nw, b);
  r = fmaf(left.x, nw, r); g = fmaf(left.y, nw, g); b = fmaf(left.z, nw, b);
  r = fmaf(right.x, nw, r); g = fmaf(right.y, nw, g); b = fmaf(right.z, nw, b);
  dst[jc_index(x, y, w)] = make_float4(clampA(r), clampA(g), clampA(b), c.w);
}

// Sobel: per colour channel Gx = (((-p00 + p20) - 2 p01) + 2 p21 - p02) + p22 and
// Gy = (((-p00 - 2 p10) - p20) + p02) + 2 p12 + p22 (pXY: column X, row Y of the 3x3 block), the
// reference's loop order with its zero-weight terms dropped (they add exact zeros);
// out = sqrt(fma(Gx, Gx, Gy * Gy)); alpha 1.
__device__ __forceinline__ float sobelMagnitude(float p00, float p10, float p20, float p01, float p21,
                                                float p02, float p12, float p22) {
  float gx = -p00 + p20;
  gx = fmaf(p01, -2.0f, gx);
  gx = fmaf(p21, 2.0f, gx);
  gx = gx - p02;
  gx = gx + p22;
  float gy = -p00;
  gy = fmaf(p10, -2.0f, gy);
  gy = gy - p20;
  gy = gy + p02;
  gy = fmaf(p12, 2.0f, gy);
  gy = gy + p22;
  return sqrtf(fmaf(gx, gx, gy * gy));
}

JC_KERNEL filter_sobel(float4 *__restrict__ dst, const float4 *__restrict__ src, int w, int h) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const float4 p00 = filterAt(src, x - 1, y - 1, w, h), p10 = filterAt(src, x, y - 1, w, h),
               p20 = filterAt(src, x + 1, y - 1, w, h);
  const float4 p01 = filterAt(src, x - 1, y, w, h), p21 = filterAt(src, x + 1, y, w, h);
  const float4 p02 = filterAt(src, x - 1, y + 1, w, h), p12 = filterAt(src, x, y + 1, w, h),
               p22 = filterAt(src, x + 1, y + 1, w, h);
  dst[jc_index(x, y, w)] = make_float4(
      sobelMagnitude(p00.x, p10.x, p20.x, p01.x, p21.x, p02.x, p12.x, p22.x),
      sobelMagnitude(p00.y, p10.y, p20.y, p01.y, p21.y, p02.y, p12.y, p22.y),
      sobelMagnitude(p00.z, p10.z, p20.z, p01.z, p21.z, p02.z, p12.z, p22.z), 1.0f);
}

// Emboss with the kernel [-2 -1 0; -1 1 1; 0 1 2], summed in the reference's order:
// ((((( -2 a - b) - c) + d) + e) + f) + 2 g, then fma(sum, strength, 0.5); alpha 1.
__device__ __forceinline__ float embossValue(float a, float b, float c, float d, float e, float f, float g,
                                             float strength) {
  float s = a * -2.0f;
  s = s - b;
  s = s - c;
  s = s + d;
  s = s + e;
  s = s + f;
  s = fmaf(g, 2.0f, s);
  return fmaf(s, strength, 0.5f);
}

JC_KERNEL filter_emboss(float4 *__restrict__ dst, const float4 *__restrict__ src, int w, int h,
                        float strength) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const float4 a = filterAt(src, x - 1, y - 1, w, h);
  const float4 b = filterAt(src, x, y - 1, w, h);
  const float4 c = filterAt(src, x - 1, y, w, h);
  const float4 d = src[jc_index(x, y, w)];
  const float4 e = filterAt(src, x + 1, y, w, h);
  const float4 f = filterAt(src, x, y + 1, w, h);
  const float4 g = filterAt(src, x + 1, y + 1, w, h);
  dst[jc_index(x, y, w)] = make_float4(embossValue(a.x, b.x, c.x, d.x, e.x, f.x, g.x, strength),
                                       embossValue(a.y, b.y, c.y, d.y, e.y, f.y, g.y, strength),
                                       embossValue(a.z, b.z, c.z, d.z, e.z, f.z, g.z, strength), 1.0f);
}

// ---- per-pixel tone filters, in place, alpha kept ----

// Sepia: c' = fma(b, kb, fma(r, kr, g * kg)) per output channel, then c (1 - k) + c' k fused as
// fma(c, 1 - k, c' * k). Not clamped.
JC_KERNEL filter_sepia(float4 *img, int w, int h, float intensity) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const size_t i = jc_index(x, y, w);
  const float4 p = img[i];
  const float r = fmaf(p.z, 0.189f, fmaf(p.x, 0.393f, p.y * 0.769f));
  const float g = fmaf(p.z, 0.168f, fmaf(p.x, 0.349f, p.y * 0.686f));
  const float b = fmaf(p.z, 0.131f, fmaf(p.x, 0.272f, p.y * 0.534f));
  const float keep = 1.0f - intensity;
  img[i] = make_float4(fmaf(p.x, keep, r * intensity), fmaf(p.y, keep, g * intensity),
                       fmaf(p.z, keep, b * intensity), p.w);
}

JC_KERNEL filter_invert(float4 *img, int w, int h) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const size_t i = jc_index(x, y, w);
  const float4 p = img[i];
  img[i] = make_float4(1.0f - p.x, 1.0f - p.y, 1.0f - p.z, p.w);
}

// Threshold: luma = fma(b, 0.114, fma(r, 0.299, g * 0.587)); r = g = b = luma >= value ? 1 : 0.
JC_KERNEL filter_threshold(float4 *img, int w, int h, float value) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const size_t i = jc_index(x, y, w);
  const float4 p = img[i];
  const float luma = fmaf(p.z, 0.114f, fmaf(p.x, 0.299f, p.y * 0.587f));
  const float v = luma >= value ? 1.0f : 0.0f;
  img[i] = make_float4(v, v, v, p.w);
}

// Solarize: each colour channel above the threshold (strictly) becomes 1 - c.
JC_KERNEL filter_solarize(float4 *img, int w, int h, float threshold) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  const size_t i = jc_index(x, y, w);
  float4 p = img[i];
  if (p.x > threshold) p.x = 1.0f - p.x;
  if (p.y > threshold) p.y = 1.0f - p.y;
  if (p.z > threshold) p.z = 1.0f - p.z;
  img[i] = p;
}
