// Effects (spec 3.5): rounded corners, vignette and chroma key in place, one thread per pixel; the stroke
// as a seed kernel, jump-flooding passes and a tile kernel that runs the last passes and the composite;
// the drop shadow as a silhouette kernel, the filters' blur and one composite kernel.
// CPU twin: internal/cpu/CpuEffect.java. Every fmaf() stands where the reference's nvcc build (13.0, PTX
// for sm_90 inspected) contracts a multiply-add; every other operation rounds on its own (-fmad=false).
#pragma once
#include "common.cuh"
#include "blend.cu"

// ---- rounded corners and vignette ----

// Multiplies the alpha of the pixels in the four corner squares of side r by a one-pixel smoothstep that
// is 0 on the arc of radius r and 1 one pixel inside it (spec 3.5). Pixels elsewhere are not touched.
JC_KERNEL effect_rounded_corners(float4 *img, int w, int h, float r) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float fx = (float)x + 0.5f;
  float fy = (float)y + 0.5f;
  float right = (float)w - r;
  float bottom = (float)h - r;
  float cx, cy;
  if (fx < r && fy < r) {
    cx = r; cy = r;
  } else if (fx > right && fy < r) {
    cx = right; cy = r;
  } else if (fx < r && fy > bottom) {
    cx = r; cy = bottom;
  } else if (fx > right && fy > bottom) {
    cx = right; cy = bottom;
  } else {
    return;
  }
  float dx = fx - cx;
  float dy = fy - cy;
  float t = clampB(-(sqrtf(fmaf(dx, dx, dy * dy)) - r));
  float *alpha = reinterpret_cast<float *>(img + jc_index(x, y, w)) + 3;
  *alpha *= t * t * (3.0f - 2.0f * t);
}

// Mixes r, g, b towards color.rgb by s * color.a, s the smoothstep of the normalised distance from the centre
// over [start, end] = radius -+ softness/2. A 1-pixel side is its own centre (u or v = 0) and a zero-width
// edge is a step (s = 0 at d == start): both were 0/0 in the reference. Pixels with s = 0 are not touched.
JC_KERNEL effect_vignette(float4 *img, int w, int h, float radius, float softness, float4 color) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float u = w > 1 ? (float)x / (float)(w - 1) * 2.0f - 1.0f : 0.0f;
  float v = h > 1 ? (float)y / (float)(h - 1) * 2.0f - 1.0f : 0.0f;
  float d = sqrtf(fmaf(u, u, v * v));
  float start = radius - softness * 0.5f;
  float end = radius + softness * 0.5f;
  float s;
  if (d < start) {
    return;
  } else if (d > end) {
    s = 1.0f;
  } else {
    float span = end - start;
    float t = span > 0.0f ? (d - start) / span : 0.0f;
    s = t * t * (3.0f - 2.0f * t);
    if (s == 0.0f) return;
  }
  float m = s * color.w;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  img[i] = make_float4(mix2(p.x, color.x, m), mix2(p.y, color.y, m), mix2(p.z, color.z, m), p.w);
}

// ---- stroke (spec 3.5): seeds, jump flooding, composite ----
//
// Seed field layout (io.jimagecuda.internal.backend.JumpFlood): a seed at canvas pixel (x, y) is the code
// (y << 15) | x; STROKE_NONE (bit 30) means "no seed yet". Codes of a w x h canvas live in two planes of
// w*h 32-bit words in the distance scratch buffer (plane A at word 0, plane B at word w*h: 8 of the
// 16 bytes a float4 pixel of the canvas size provides) and the passes ping-pong between them.
//
// Pass sequence (the reference's): seeds into plane A; steps 2^(K-1) ... 1, K = floor(log2(max(w, h))),
// then one more step 1. Steps above STROKE_TILE_FROM run as whole-canvas effect_stroke_jump passes; the
// remaining ones (8, 4, 2, 1, 1 or the tail of a small canvas) and the composite run in effect_stroke, one
// 32 x 32 output tile per block, on the tile and a halo as wide as the sum of those steps held in shared
// memory. Each fused pass is computed on a region one step narrower than the one before, so every value
// it reads is the exact result of the previous pass: the output is that of the sequential passes.
//
// Tie-breaking (both backends): a pixel keeps the seed it holds unless a candidate is strictly closer in
// exact integer squared distance; candidates in row-major order (dy outer, dx inner, -1..1); canvas
// positions outside the canvas are skipped (in shared memory they hold STROKE_NONE, which is skipped).

#define STROKE_NONE 0x40000000u
#define STROKE_X_BITS 15
#define STROKE_X_MASK 0x7FFFu
#define STROKE_TILE 32
#define STROKE_TILE_FROM 8
#define STROKE_MAX_HALO (2 * STROKE_TILE_FROM)
#define STROKE_REGION (STROKE_TILE + 2 * STROKE_MAX_HALO)
#define STROKE_FAR 0x7FFFFFFF  // "no seed yet": farther than any squared distance (at most 2 * 32767^2)

// Squared distance from (x, y) to a seed; below 2^31 for coordinates below 32768.
__device__ __forceinline__ int strokeDistance2(unsigned seed, int x, int y) {
  int dx = x - (int)(seed & STROKE_X_MASK);
  int dy = y - (int)(seed >> STROKE_X_BITS);
  return dx * dx + dy * dy;
}

// Takes candidate c if it is a seed strictly closer to (x, y) than the best so far.
__device__ __forceinline__ void strokeConsider(unsigned c, int x, int y, unsigned &best, int &bestD) {
  if (c == STROKE_NONE) return;
  int d = strokeDistance2(c, x, y);
  if (d < bestD) {
    bestD = d;
    best = c;
  }
}

// Alpha "inside the shape": not <= 0 (NaN counts as inside); pixels outside the source are outside.
__device__ __forceinline__ bool strokeInside(const float4 *src, int sw, int sh, int sx, int sy) {
  return sx >= 0 && sx < sw && sy >= 0 && sy < sh
      && !(reinterpret_cast<const float *>(src + jc_index(sx, sy, sw))[3] <= 0.0f);
}

// Plane A: the code of (x, y) where the source pixel under it is inside and one of its 8 neighbours is
// not, STROKE_NONE elsewhere.
JC_KERNEL effect_stroke_seed(const float4 *src, int sw, int sh, unsigned *seeds, int w, int h, int offX,
                             int offY) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  int sx = x - offX;
  int sy = y - offY;
  bool seed = false;
  if (strokeInside(src, sw, sh, sx, sy)) {
    for (int j = -1; j <= 1 && !seed; j++) {
      for (int i = -1; i <= 1; i++) {
        if ((i != 0 || j != 0) && !strokeInside(src, sw, sh, sx + i, sy + j)) {
          seed = true;
          break;
        }
      }
    }
  }
  seeds[jc_index(x, y, w)] = seed ? ((unsigned)y << STROKE_X_BITS) | (unsigned)x : STROKE_NONE;
}

// One whole-canvas jump-flooding pass with the given step, in -> out.
JC_KERNEL effect_stroke_jump(const unsigned *in, unsigned *out, int w, int h, int step) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  unsigned best = in[jc_index(x, y, w)];
  int bestD = best == STROKE_NONE ? STROKE_FAR : strokeDistance2(best, x, y);
  for (int j = -1; j <= 1; j++) {
    int ny = y + j * step;
    if (ny < 0 || ny >= h) continue;
    for (int i = -1; i <= 1; i++) {
      int nx = x + i * step;
      if (nx < 0 || nx >= w || (i == 0 && j == 0)) continue;
      strokeConsider(in[jc_index(nx, ny, w)], x, y, best, bestD);
    }
  }
  out[jc_index(x, y, w)] = best;
}

// The remaining passes and the composite for one 32 x 32 tile (block 32 x 8). firstStep is the first of the
// fused steps (8, 4, 2 or 1; the passes are firstStep, firstStep/2, ..., 1, then 1), or 0 when only the
// extra step-1 pass is left (a 1-pixel canvas). seeds holds the field after the whole-canvas passes.
//
// Composite (spec 3.5): f = min(1, width - d) where the nearest seed is d <= width away, else 0;
// outside: the source over the stroke, premultiplied; inside: the stroke colour mixed into visible pixels;
// then un-premultiplied, or (0, 0, 0, 0) where the alpha is at most 1e-4.
JC_KERNEL effect_stroke(const float4 *src, int sw, int sh, const unsigned *seeds, float4 *dst, int w, int h,
                        int offX, int offY, float width, float4 color, int inside, int firstStep) {
  __shared__ unsigned field[2][STROKE_REGION * STROKE_REGION];
  int halo = firstStep > 0 ? 2 * firstStep : 1;
  int side = STROKE_TILE + 2 * halo;
  int x0 = (int)blockIdx.x * STROKE_TILE - halo;  // canvas position of region cell (0, 0)
  int y0 = (int)blockIdx.y * STROKE_TILE - halo;
  int tx = (int)threadIdx.x;
  int ty = (int)threadIdx.y;
  unsigned *cur = field[0];
  unsigned *next = field[1];
  for (int ry = ty; ry < side; ry += (int)blockDim.y) {
    int gy = y0 + ry;
    for (int rx = tx; rx < side; rx += (int)blockDim.x) {
      int gx = x0 + rx;
      cur[ry * side + rx] = gx >= 0 && gx < w && gy >= 0 && gy < h ? seeds[jc_index(gx, gy, w)] : STROKE_NONE;
    }
  }
  __syncthreads();
  int passes = firstStep > 0 ? __ffs(firstStep) + 1 : 1;
  int margin = 0;  // cells of cur closer than margin to the region's border are stale
  for (int p = 0; p < passes; p++) {
    int step = max(1, firstStep >> p);
    margin += step;
    for (int ry = margin + ty; ry < side - margin; ry += (int)blockDim.y) {
      int gy = y0 + ry;
      for (int rx = margin + tx; rx < side - margin; rx += (int)blockDim.x) {
        int gx = x0 + rx;
        unsigned best = STROKE_NONE;
        if (gx >= 0 && gx < w && gy >= 0 && gy < h) {
          best = cur[ry * side + rx];
          int bestD = best == STROKE_NONE ? STROKE_FAR : strokeDistance2(best, gx, gy);
          for (int j = -1; j <= 1; j++) {
            const unsigned *row = cur + (ry + j * step) * side + rx;
            for (int i = -1; i <= 1; i++) {
              if (i != 0 || j != 0) strokeConsider(row[i * step], gx, gy, best, bestD);
            }
          }
        }
        next[ry * side + rx] = best;
      }
    }
    __syncthreads();
    unsigned *t = cur;
    cur = next;
    next = t;
  }
  // margin == halo: the tile is region cells [halo, halo + 32) on both axes.
  for (int ty2 = ty; ty2 < STROKE_TILE; ty2 += (int)blockDim.y) {
    int gy = y0 + halo + ty2;
    if (gy >= h) break;
    int sy = gy - offY;
    for (int tx2 = tx; tx2 < STROKE_TILE; tx2 += (int)blockDim.x) {
      int gx = x0 + halo + tx2;
      if (gx >= w) break;
      unsigned seed = cur[(halo + ty2) * side + halo + tx2];
      float f = 0.0f;
      if (seed != STROKE_NONE) {
        float d = sqrtf((float)strokeDistance2(seed, gx, gy));
        if (d <= width) f = fminf(1.0f, width - d);
      }
      int sx = gx - offX;
      float4 s = sx >= 0 && sx < sw && sy >= 0 && sy < sh ? src[jc_index(sx, sy, sw)]
                                                          : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
      float4 p;
      if (!inside) {
        // The source over the stroke; the source's premultiplication is the fused product.
        float sa = color.w * f;
        float inv = 1.0f - s.w;
        p = make_float4(fmaf(s.x, s.w, color.x * sa * inv), fmaf(s.y, s.w, color.y * sa * inv),
                        fmaf(s.z, s.w, color.z * sa * inv), fmaf(sa, inv, s.w));
      } else {
        float m = color.w * f;
        p = make_float4(mix2(s.x, color.x, m) * s.w, mix2(s.y, color.y, m) * s.w, mix2(s.z, color.z, m) * s.w,
                        s.w);
      }
      dst[jc_index(gx, gy, w)] = p.w > 1e-4f ? make_float4(p.x / p.w, p.y / p.w, p.z / p.w, p.w)
                                             : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    }
  }
}

// ---- chroma key (spec 3.5) ----

// max - min of the channels, as rgbToHsv computes it: below 1e-5 the colour is a grey (hue 0 by convention).
__device__ __forceinline__ float chromaSpread(float r, float g, float b) {
  return fmaxf(r, fmaxf(g, b)) - fminf(r, fminf(g, b));
}

// Rec.601 luma as the reference's build rounds it: the red and blue products fused, the green one rounded.
__device__ __forceinline__ float chromaLuma(float r, float g, float b) {
  return fmaf(b, 0.114f, fmaf(r, 0.299f, g * 0.587f));
}

// Per pixel: D = sqrt(2 dh^2 + ds^2 + dv^2 / 2) between the HSV of the pixel and of the key, rounded as the
// reference's build does (2 dh^2 became dh^2 + dh^2 with one product fused); dh = 0 where either colour is
// a grey (deviation: the reference takes a grey's conventional hue 0, red). Key alpha k = 1 at D >= threshold,
// else the smoothstep over [max(0, threshold - smoothness), threshold] (0 for smoothness <= 1e-4); spill
// suppression on edge pixels (0.1 < k < 0.9) with a luma-preserving rescale; a <- a k.
JC_KERNEL effect_chroma_key(float4 *img, int w, int h, float kr, float kg, float kb, float threshold,
                            float smoothness, float spill) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  float3 c = rgbToHsv(p.x, p.y, p.z);
  float3 key = rgbToHsv(kr, kg, kb);
  float dh = fabsf(c.x - key.x);
  if (dh > 180.0f) dh = 360.0f - dh;
  dh = chromaSpread(p.x, p.y, p.z) < 1e-5f || chromaSpread(kr, kg, kb) < 1e-5f ? 0.0f : dh / 180.0f;
  float ds = fabsf(c.y - key.y);
  float dv = fabsf(c.z - key.z);
  float d = sqrtf(fmaf(dv * dv, 0.5f, fmaf(ds, ds, fmaf(dh, dh, dh * dh))));
  float k = 1.0f;
  if (d < threshold) k = smoothness > 1e-4f ? smoothstep(fmaxf(0.0f, threshold - smoothness), threshold, d) : 0.0f;
  if (spill > 0.001f && k > 0.1f && k < 0.9f) {
    float amount = (1.0f - k) * spill;
    float sr = fmaxf(0.0f, p.x - kr * amount);
    float sg = fmaxf(0.0f, p.y - kg * amount);
    float sb = fmaxf(0.0f, p.z - kb * amount);
    float spillLuma = chromaLuma(sr, sg, sb);
    if (spillLuma > 0.001f) {
      float ratio = chromaLuma(p.x, p.y, p.z) / spillLuma;
      p.x = fminf(1.0f, sr * ratio);
      p.y = fminf(1.0f, sg * ratio);
      p.z = fminf(1.0f, sb * ratio);
    }
  }
  p.w = p.w * k;
  img[i] = p;
}

// ---- drop shadow (spec 3.5) ----
//
// The reference clears a canvas, extracts the alpha into a scratch image, blends it onto the canvas, blurs,
// colourises, clears the result and blends twice: up to nine launches. Here effect_drop_shadow_silhouette
// writes the canvas (extraction and placement in one pass), CudaFilter blurs it in place (the filters' own
// kernels), and effect_drop_shadow colourises and composites shadow and image into the result in one pass,
// through blend_over<BLEND_NORMAL>, so every result pixel is the reference's clear + two normal blends.

// Canvas pixel (x, y) (canvas w x h): (a, a, a, a) with a the alpha of the image pixel under it (the image's
// top-left pixel at (ix, iy)), 0 outside the image. Every canvas pixel is written.
JC_KERNEL effect_drop_shadow_silhouette(const float4 *__restrict__ src, int sw, int sh, float4 *__restrict__ canvas,
                                        int w, int h, int ix, int iy) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  int sx = x - ix;
  int sy = y - iy;
  float a = sx >= 0 && sx < sw && sy >= 0 && sy < sh ? __ldg(&src[jc_index(sx, sy, sw)].w) : 0.0f;
  canvas[jc_index(x, y, w)] = make_float4(a, a, a, a);
}

// Result pixel (x, y) (result and canvas w x h): transparent black; then, where (x - shx, y - shy) lies on the
// canvas (canvas not null), the shadow layer (color.rgb, S.a * color.a) with S the blurred canvas pixel there
// (straight colour: deviation, the reference premultiplies it a second time); then the image pixel at
// (x - ix, y - iy), where there is one. Both with the normal blend's arithmetic at opacity 1.
JC_KERNEL effect_drop_shadow(const float4 *__restrict__ src, int sw, int sh, const float4 *__restrict__ canvas,
                             float4 *__restrict__ dst, int w, int h, int ix, int iy, int shx, int shy,
                             float4 color) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float4 out = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  int cx = x - shx;
  int cy = y - shy;
  if (canvas != nullptr && cx >= 0 && cx < w && cy >= 0 && cy < h) {
    float k = __ldg(&canvas[jc_index(cx, cy, w)].w) * color.w;
    out = blend_over<BLEND_NORMAL>(out, make_float4(color.x, color.y, color.z, k), 1.0f);
  }
  int sx = x - ix;
  int sy = y - iy;
  if (sx >= 0 && sx < sw && sy >= 0 && sy < sh) {
    out = blend_over<BLEND_NORMAL>(out, __ldg(&src[jc_index(sx, sy, sw)]), 1.0f);
  }
  dst[jc_index(x, y, w)] = out;
}
