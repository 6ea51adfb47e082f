// Colour adjustments (spec 3.3), in place, one thread per pixel, float4 loads and stores.
// CPU twin: internal/cpu/CpuAdjust.java (same formulas, same helpers from common.cuh / Px.java).
// The host computes what does not depend on the pixel (gamma's inverse, hue's shift modulo 360) once per
// call. Every fmaf() stands where nvcc's default contraction fuses a single-use product into the add that
// follows (the conformance images match with or without these fusions, so they cannot confirm them);
// everything else rounds on its own (-fmad=false), as do the HSV helpers, which the images do confirm.
#pragma once
#include "common.cuh"

// c <- clampA(c + factor) for r, g, b.
JC_KERNEL adjust_brightness(float4 *img, int w, int h, float factor) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  img[i] = make_float4(clampA(p.x + factor), clampA(p.y + factor), clampA(p.z + factor), p.w);
}

// c <- clampA((c - 0.5) factor + 0.5) for r, g, b.
JC_KERNEL adjust_contrast(float4 *img, int w, int h, float factor) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  img[i] = make_float4(clampA(fmaf(p.x - 0.5f, factor, 0.5f)), clampA(fmaf(p.y - 0.5f, factor, 0.5f)),
                       clampA(fmaf(p.z - 0.5f, factor, 0.5f)), p.w);
}

// L = 0.299 r + 0.587 g + 0.114 b; c <- clampA(L + (c - L) factor) for r, g, b.
JC_KERNEL adjust_saturation(float4 *img, int w, int h, float factor) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  float l = fmaf(p.z, 0.114f, fmaf(p.x, 0.299f, p.y * 0.587f));
  img[i] = make_float4(clampA(fmaf(p.x - l, factor, l)), clampA(fmaf(p.y - l, factor, l)),
                       clampA(fmaf(p.z - l, factor, l)), p.w);
}

// c <- max(0, c)^invGamma for r, g, b (CUDA powf; no upper clamp).
JC_KERNEL adjust_gamma(float4 *img, int w, int h, float invGamma) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  img[i] = make_float4(powf(fmaxf(0.0f, p.x), invGamma), powf(fmaxf(0.0f, p.y), invGamma),
                       powf(fmaxf(0.0f, p.z), invGamma), p.w);
}

// a <- clampA(a factor); r, g, b unchanged.
JC_KERNEL adjust_opacity(float4 *img, int w, int h, float factor) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  p.w = clampA(p.w * factor);
  img[i] = p;
}

// Saturation boost amount (1 - s) s, a third of it on skin tones (h in [0, 50] or [330, 360]); pixels with
// s < 0.001 are left as they are (not even rewritten).
JC_KERNEL adjust_vibrance(float4 *img, int w, int h, float amount) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  float3 hsv = rgbToHsv(p.x, p.y, p.z);
  float s = hsv.y;
  if (s < 0.001f) return;
  float boost = amount * (1.0f - s) * s;
  float k = ((hsv.x >= 0.0f && hsv.x <= 50.0f) || (hsv.x >= 330.0f && hsv.x <= 360.0f)) ? 0.3f : 1.0f;
  float3 rgb = hsvToRgb(hsv.x, clampA(fmaf(boost, k, s)), hsv.z);
  img[i] = make_float4(rgb.x, rgb.y, rgb.z, p.w);
}

// h <- fmod(h + shift, 360), plus 360 if negative; s, v kept. shift is the angle modulo 360 (sign kept).
JC_KERNEL adjust_hue(float4 *img, int w, int h, float shift) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 p = img[i];
  float3 hsv = rgbToHsv(p.x, p.y, p.z);
  float hue = fmodf(hsv.x + shift, 360.0f);
  if (hue < 0.0f) hue += 360.0f;
  float3 rgb = hsvToRgb(hue, hsv.y, hsv.z);
  img[i] = make_float4(rgb.x, rgb.y, rgb.z, p.w);
}
