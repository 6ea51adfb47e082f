// Conversions between float and 8-bit images (spec 3.9). CPU twin: internal/cpu/CpuConvert.java.
#pragma once
#include "common.cuh"

JC_KERNEL convert_float_to_u8(uchar4 *dst, const float4 *src, int w, int h) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  float4 v = src[i];
  dst[i] = make_uchar4(toU8(v.x), toU8(v.y), toU8(v.z), toU8(v.w));
}

JC_KERNEL convert_u8_to_float(float4 *dst, const uchar4 *src, int w, int h) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  size_t i = jc_index(x, y, w);
  uchar4 v = src[i];
  dst[i] = make_float4(v.x / 255.0f, v.y / 255.0f, v.z / 255.0f, v.w / 255.0f);
}
