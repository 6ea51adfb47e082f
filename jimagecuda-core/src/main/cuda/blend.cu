// Blend modes and mask (spec 3.2), in place on the base. One thread per pixel of the part of the layer
// that lies on the base: the launch covers only that clipped rectangle (cw x ch pixels from base pixel
// (x0, y0)), never the whole base. The layer's top-left pixel lands on base pixel (px, py).
// CPU twin: internal/cpu/CpuBlend.java (same operations in the same order).
//
// Rounding: the reference composites out = (B * as + b * ab * (1 - as)) * (1 / ao) with ao = as + ab (1 - as).
// Its nvcc build fuses B * as into the sum and, for normal, overlay, soft and hard light, ab * (1 - as) into
// ao; multiply, screen and add keep ab * (1 - as) as a separate product (it is used twice) and add it to as.
// Each fmaf() below stands where that build fuses; everything else rounds on its own (-fmad=false). The
// reciprocal is computed once per pixel and multiplied, as the reference does.
//
// Deviation (docs/deviations.md): the modes other than normal mix their result with the layer's colour by
// the base's alpha, fma(B, ab, s * (1 - ab)), as W3C compositing does; with an opaque base this is B itself.
#pragma once
#include "common.cuh"

#define BLEND_NORMAL 0
#define BLEND_MULTIPLY 1
#define BLEND_SCREEN 2
#define BLEND_ADD 3
#define BLEND_OVERLAY 4
#define BLEND_SOFT_LIGHT 5
#define BLEND_HARD_LIGHT 6

// B(b, s): the mode's blend of a base and a layer channel (straight colours).
template <int MODE>
__device__ __forceinline__ float blend_function(float b, float s) {
  if constexpr (MODE == BLEND_NORMAL) {
    return s;
  } else if constexpr (MODE == BLEND_MULTIPLY) {
    return b * s;
  } else if constexpr (MODE == BLEND_SCREEN) {
    return fmaf(-(1.0f - b), 1.0f - s, 1.0f);
  } else if constexpr (MODE == BLEND_ADD) {
    return fminf(b + s, 1.0f);
  } else if constexpr (MODE == BLEND_OVERLAY) {
    return b < 0.5f ? (b + b) * s : fmaf((1.0f - b) * -2.0f, 1.0f - s, 1.0f);
  } else if constexpr (MODE == BLEND_SOFT_LIGHT) {
    float s2 = s + s;
    return fmaf(b, s2, (b * (1.0f - s2)) * b);
  } else {
    return s < 0.5f ? (s + s) * b : fmaf((1.0f - s) * -2.0f, 1.0f - b, 1.0f);
  }
}

// Multiply, screen and add weight the base by one product ab * (1 - as), computed once.
template <int MODE>
__device__ __forceinline__ constexpr bool blend_shared_factor() {
  return MODE == BLEND_MULTIPLY || MODE == BLEND_SCREEN || MODE == BLEND_ADD;
}

// One output channel: k = 1 - as, bf = ab * k, inv = 1 / ao.
template <int MODE>
__device__ __forceinline__ float blend_channel(float b, float s, float ab, float as, float k, float bf,
                                               float inv) {
  float blended = blend_function<MODE>(b, s);
  if constexpr (MODE != BLEND_NORMAL) blended = mix2(s, blended, ab);
  float below = blend_shared_factor<MODE>() ? b * bf : (b * ab) * k;
  return fmaf(blended, as, below) * inv;
}

// One composited pixel: layer pixel s, its alpha scaled by opacity, over base pixel b. The blend kernels
// run it per covered pixel; ops that composite inside kernels of their own (the drop shadow) call it with
// BLEND_NORMAL and opacity 1, so their compositing is the normal blend's to the last bit.
template <int MODE>
__device__ __forceinline__ float4 blend_over(float4 b, float4 s, float opacity) {
  float as = s.w * opacity;
  float k = 1.0f - as;
  float bf = b.w * k;
  float ao = blend_shared_factor<MODE>() ? as + bf : fmaf(b.w, k, as);
  float4 out = make_float4(0.0f, 0.0f, 0.0f, ao);
  if (ao > 1e-6f) {
    float inv = 1.0f / ao;
    out.x = blend_channel<MODE>(b.x, s.x, b.w, as, k, bf, inv);
    out.y = blend_channel<MODE>(b.y, s.y, b.w, as, k, bf, inv);
    out.z = blend_channel<MODE>(b.z, s.z, b.w, as, k, bf, inv);
  }
  return out;
}

template <int MODE>
__device__ __forceinline__ void blend_pixel(float4 *base, const float4 *layer, int bw, int lw, int px, int py,
                                            int x0, int y0, int cw, int ch, float opacity) {
  int tx, ty;
  if (!jc_pixel(cw, ch, tx, ty)) return;
  int bx = x0 + tx;
  int by = y0 + ty;
  size_t bi = jc_index(bx, by, bw);
  base[bi] = blend_over<MODE>(base[bi], layer[jc_index(bx - px, by - py, lw)], opacity);
}

#define JC_BLEND_ARGS \
  float4 *base, const float4 *layer, int bw, int lw, int px, int py, int x0, int y0, int cw, int ch, float opacity
#define JC_BLEND_PASS base, layer, bw, lw, px, py, x0, y0, cw, ch, opacity

JC_KERNEL blend_normal(JC_BLEND_ARGS) { blend_pixel<BLEND_NORMAL>(JC_BLEND_PASS); }
JC_KERNEL blend_multiply(JC_BLEND_ARGS) { blend_pixel<BLEND_MULTIPLY>(JC_BLEND_PASS); }
JC_KERNEL blend_screen(JC_BLEND_ARGS) { blend_pixel<BLEND_SCREEN>(JC_BLEND_PASS); }
JC_KERNEL blend_add(JC_BLEND_ARGS) { blend_pixel<BLEND_ADD>(JC_BLEND_PASS); }
JC_KERNEL blend_overlay(JC_BLEND_ARGS) { blend_pixel<BLEND_OVERLAY>(JC_BLEND_PASS); }
JC_KERNEL blend_soft_light(JC_BLEND_ARGS) { blend_pixel<BLEND_SOFT_LIGHT>(JC_BLEND_PASS); }
JC_KERNEL blend_hard_light(JC_BLEND_ARGS) { blend_pixel<BLEND_HARD_LIGHT>(JC_BLEND_PASS); }

// Rec.601 luma as the reference's build rounds it: the red and blue products fused, the green one rounded.
__device__ __forceinline__ float blend_luma(float4 m) {
  return fmaf(m.z, 0.114f, fmaf(m.x, 0.299f, m.y * 0.587f));
}

// b.a <- b.a * k with k = m.a (alpha) or luma(m) * m.a (luminance; the reference ignores m.a there, a
// deviation). RGB unchanged.
JC_KERNEL blend_mask(float4 *base, const float4 *mask, int bw, int mw, int px, int py, int x0, int y0, int cw,
                     int ch, int luminance) {
  int tx, ty;
  if (!jc_pixel(cw, ch, tx, ty)) return;
  int bx = x0 + tx;
  int by = y0 + ty;
  size_t bi = jc_index(bx, by, bw);
  float4 b = base[bi];
  float4 m = mask[jc_index(bx - px, by - py, mw)];
  float k = luminance ? blend_luma(m) * m.w : m.w;
  b.w = b.w * k;
  base[bi] = b;
}
