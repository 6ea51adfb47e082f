// Fill generators (spec 3.1). CPU twin: internal/cpu/CpuFill.java.
#pragma once
#include "common.cuh"

JC_KERNEL fill_color(float4 *img, int w, int h, float4 c) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  img[jc_index(x, y, w)] = c;
}
