// Writing finished frames into memory that OpenGL or Vulkan displays (present paths of jimagecuda-gl).
// Surface stores address x in bytes; rows are written bottom-up when flipY is set, so that GL's
// bottom-left origin shows the image upright without a flipped draw.
#pragma once
#include "common.cuh"

JC_KERNEL present_u8_to_surface(cudaSurfaceObject_t surf, const uchar4 *src, int w, int h, int flipY) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  surf2Dwrite(src[jc_index(x, y, w)], surf, x * 4, flipY ? h - 1 - y : y);
}

JC_KERNEL present_float_to_surface(cudaSurfaceObject_t surf, const float4 *src, int w, int h, int flipY) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float4 v = src[jc_index(x, y, w)];
  surf2Dwrite(make_uchar4(toU8(v.x), toU8(v.y), toU8(v.z), toU8(v.w)), surf, x * 4, flipY ? h - 1 - y : y);
}
