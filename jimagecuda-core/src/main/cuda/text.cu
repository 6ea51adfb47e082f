// Text: the coverage mask drawn by Java2D on the host -> float RGBA (spec 3.8).
// CPU twin: internal/cpu/CpuText.java (same integer and float steps, same order; -fmad=false).
#pragma once
#include "common.cuh"

// trunc((f*a + b*rest) / out) clipped to 0..255: one colour channel of Porter-Duff over.
__device__ __forceinline__ int text_over(int f, float a, int b, float rest, float out) {
  float v = ((float)f * a + (float)b * rest) / out;
  int t = (int)v;
  return min(max(t, 0), 255);
}

// dst: float4 result; mask: width*height coverage bytes (packed rows); fg, bg: 8-bit colours packed as
// r | g << 8 | b << 16 | a << 24.
JC_KERNEL text_create(float4 *dst, const unsigned char *mask, int w, int h, unsigned int fg, unsigned int bg) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  int fr = fg & 0xFF, fgG = (fg >> 8) & 0xFF, fb = (fg >> 16) & 0xFF, fa = fg >> 24;
  int br = bg & 0xFF, bgG = (bg >> 8) & 0xFF, bb = (bg >> 16) & 0xFF, ba = bg >> 24;
  int m = mask[i];
  int a = fa >= 255 ? m : (int)((double)m * ((double)fa / 255.0));
  if (ba == 0) {
    dst[i] = make_float4(fr / 255.0f, fgG / 255.0f, fb / 255.0f, a / 255.0f);
    return;
  }
  float fa01 = a / 255.0f;
  float rest = (ba / 255.0f) * (1.0f - fa01);
  float out = fa01 + rest;
  dst[i] = make_float4(text_over(fr, fa01, br, rest, out) / 255.0f, text_over(fgG, fa01, bgG, rest, out) / 255.0f,
                       text_over(fb, fa01, bb, rest, out) / 255.0f, (int)(out * 255.0f) / 255.0f);
}
