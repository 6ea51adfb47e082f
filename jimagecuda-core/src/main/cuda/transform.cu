// Geometric transforms (spec 3.6), one thread per output pixel, float4 loads and stores.
// CPU twin: internal/cpu/CpuTransform.java (same mappings, same samplers from common.cuh / Px.java).
#pragma once
#include "common.cuh"

// dst(x, y) = src(flipX ? w - 1 - x : x, flipY ? h - 1 - y : y); both images w x h.
JC_KERNEL transform_flip(float4 *__restrict__ dst, const float4 *__restrict__ src, int w, int h, int flipX,
                         int flipY) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  dst[jc_index(x, y, w)] = jc_load(src, flipX ? w - 1 - x : x, flipY ? h - 1 - y : y, w);
}

// Output pixel (x, y) of an arbitrary-angle rotation: inverse mapping about the centres (pixel-index
// coordinates, the centre of an n-pixel side at n/2 - 0.5), cs and sn being cos/sin of the angle computed
// on the host. sx = dx cs + dy sn and sy = -dx sn + dy cs are fused as the reference's build fuses them
// (the first product of sx, the second of sy: transform_rotate_expand then matches bit for bit). Points
// inside (-0.5, sw - 0.5) x (-0.5, sh - 0.5) are sampled with the sampler `interpolation`, the rest is
// transparent black (hard edges).
__device__ __forceinline__ float4 rotateSample(int interpolation, const float4 *__restrict__ src, int sw, int sh,
                                               int dw, int dh, int x, int y, float cs, float sn) {
  float dx = (float)x - ((float)dw / 2.0f - 0.5f);
  float dy = (float)y - ((float)dh / 2.0f - 0.5f);
  float sx = fmaf(dx, cs, dy * sn) + ((float)sw / 2.0f - 0.5f);
  float sy = fmaf(dy, cs, -(dx * sn)) + ((float)sh / 2.0f - 0.5f);
  if (sx > -0.5f && sx < (float)sw - 0.5f && sy > -0.5f && sy < (float)sh - 0.5f) {
    return sampleAt(interpolation, src, sw, sh, sx, sy);
  }
  return make_float4(0.0f, 0.0f, 0.0f, 0.0f);
}

// Rotation. quarterTurns 1, 2, 3: the lossless clockwise quarter turn, placed at (offX, offY), transparent
// around it. quarterTurns 0: any angle (rotateSample) with nearest or bilinear sampling; bicubic and Lanczos
// have kernels of their own below, so that this one keeps few registers (full occupancy).
JC_KERNEL transform_rotate(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                           int sh, int quarterTurns, int offX, int offY, float cs, float sn, int interpolation) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  float4 out = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  if (quarterTurns != 0) {
    int rx = x - offX;
    int ry = y - offY;
    int rotW = quarterTurns == 2 ? sw : sh;
    int rotH = quarterTurns == 2 ? sh : sw;
    if (rx >= 0 && ry >= 0 && rx < rotW && ry < rotH) {
      if (quarterTurns == 1) out = jc_load(src, ry, sh - 1 - rx, sw);
      else if (quarterTurns == 2) out = jc_load(src, sw - 1 - rx, sh - 1 - ry, sw);
      else out = jc_load(src, sw - 1 - ry, rx, sw);
    }
  } else if (interpolation == JC_NEAREST) {
    out = rotateSample(JC_NEAREST, src, sw, sh, dw, dh, x, y, cs, sn);
  } else {
    out = rotateSample(JC_BILINEAR, src, sw, sh, dw, dh, x, y, cs, sn);
  }
  dst[jc_index(x, y, dw)] = out;
}

// transform_rotate with bicubic sampling (quarterTurns 0 only).
JC_KERNEL transform_rotate_bicubic(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src,
                                   int sw, int sh, float cs, float sn) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  dst[jc_index(x, y, dw)] = rotateSample(JC_BICUBIC, src, sw, sh, dw, dh, x, y, cs, sn);
}

// transform_rotate with Lanczos sampling (quarterTurns 0 only).
JC_KERNEL transform_rotate_lanczos(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src,
                                   int sw, int sh, float cs, float sn) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  dst[jc_index(x, y, dw)] = rotateSample(JC_LANCZOS, src, sw, sh, dw, dh, x, y, cs, sn);
}

// dst(i, j) = src(i + cropX, j + cropY) where that is inside the source, else transparent black.
JC_KERNEL transform_crop(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw, int sh,
                         int cropX, int cropY) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  long long sx = (long long)x + cropX;
  long long sy = (long long)y + cropY;
  float4 out = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  if (sx >= 0 && sy >= 0 && sx < sw && sy < sh) out = jc_load(src, (int)sx, (int)sy, sw);
  dst[jc_index(x, y, dw)] = out;
}

// Output pixel (x, y) of a zoom samples the source at (fma(x / dw, viewW, viewX), fma(y / dh, viewH, viewY)),
// the viewport's corner-aligned mapping, with the sampler `interpolation`; points outside [0, sw) x [0, sh)
// are transparent black.
__device__ __forceinline__ float4 zoomSample(int interpolation, const float4 *__restrict__ src, int sw, int sh,
                                             int dw, int dh, int x, int y, float viewX, float viewY, float viewW,
                                             float viewH) {
  float sx = fmaf((float)x / (float)dw, viewW, viewX);
  float sy = fmaf((float)y / (float)dh, viewH, viewY);
  if (sx >= 0.0f && sx < (float)sw && sy >= 0.0f && sy < (float)sh) {
    return sampleAt(interpolation, src, sw, sh, sx, sy);
  }
  return make_float4(0.0f, 0.0f, 0.0f, 0.0f);
}

// Zoom with nearest or bilinear sampling; bicubic and Lanczos have kernels of their own below.
JC_KERNEL transform_zoom(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw, int sh,
                         float viewX, float viewY, float viewW, float viewH, int interpolation) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  dst[jc_index(x, y, dw)] = interpolation == JC_NEAREST
      ? zoomSample(JC_NEAREST, src, sw, sh, dw, dh, x, y, viewX, viewY, viewW, viewH)
      : zoomSample(JC_BILINEAR, src, sw, sh, dw, dh, x, y, viewX, viewY, viewW, viewH);
}

// transform_zoom with bicubic sampling.
JC_KERNEL transform_zoom_bicubic(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                                 int sh, float viewX, float viewY, float viewW, float viewH) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  dst[jc_index(x, y, dw)] = zoomSample(JC_BICUBIC, src, sw, sh, dw, dh, x, y, viewX, viewY, viewW, viewH);
}

// transform_zoom with Lanczos sampling.
JC_KERNEL transform_zoom_lanczos(float4 *__restrict__ dst, int dw, int dh, const float4 *__restrict__ src, int sw,
                                 int sh, float viewX, float viewY, float viewW, float viewH) {
  int x, y;
  if (!jc_pixel(dw, dh, x, y)) return;
  dst[jc_index(x, y, dw)] = zoomSample(JC_LANCZOS, src, sw, sh, dw, dh, x, y, viewX, viewY, viewW, viewH);
}
