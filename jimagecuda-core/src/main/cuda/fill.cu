// Fill generators (spec 3.1), one thread per pixel, every pixel of the w x h area written.
// CPU twin: internal/cpu/CpuFill.java (same formulas, same helpers from common.cuh / Px.java).
// Every fmaf() stands where the reference's own build (nvcc 13.0, sm_90 SASS inspected) fuses a
// multiply-add; every other operation rounds on its own (this file is compiled with -fmad=false).
#pragma once
#include "common.cuh"

// Gradient directions as CudaFill passes them (the reference's numbering).
#define FILL_HORIZONTAL 0
#define FILL_VERTICAL 1
#define FILL_DIAGONAL 2
#define FILL_RADIAL 3

JC_KERNEL fill_color(float4 *img, int w, int h, float4 c) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  img[jc_index(x, y, w)] = c;
}

JC_KERNEL fill_gradient(float4 *img, int w, int h, float4 c1, float4 c2, int direction, int seamless) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float u = w > 1 ? (float)x / (float)(w - 1) : 0.5f;
  float v = h > 1 ? (float)y / (float)(h - 1) : 0.5f;
  float f;
  switch (direction) {
    case FILL_HORIZONTAL: f = u; break;
    case FILL_VERTICAL: f = v; break;
    case FILL_DIAGONAL: f = (w > 1 && h > 1) ? (u + v) * 0.5f : 0.5f; break;
    default: {
      float nx = w > 1 ? u - 0.5f : 0.0f;
      float ny = h > 1 ? v - 0.5f : 0.0f;
      f = fminf(1.0f, sqrtf(fmaf(nx, nx, ny * ny)) * 1.414213562f);
    }
  }
  if (seamless) f = f < 0.5f ? f * 2.0f : 2.0f * (1.0f - f);
  f = clampB(f);
  img[jc_index(x, y, w)] = make_float4(lerp(c1.x, c2.x, f), lerp(c1.y, c2.y, f), lerp(c1.z, c2.z, f),
                                       lerp(c1.w, c2.w, f));
}

JC_KERNEL fill_checkerboard(float4 *img, int w, int h, int size, float4 c1, float4 c2, int offsetX,
                            int offsetY) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  long long cell = floorDiv((long long)x + offsetX, size) + floorDiv((long long)y + offsetY, size);
  img[jc_index(x, y, w)] = (cell & 1) == 0 ? c1 : c2;
}

JC_KERNEL fill_grid(float4 *img, int w, int h, int spacing, int lineWidth, float4 color, float4 bgColor,
                    int offsetX, int offsetY) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  bool line = floorMod((long long)x + offsetX, spacing) < lineWidth
      || floorMod((long long)y + offsetY, spacing) < lineWidth;
  img[jc_index(x, y, w)] = line ? color : bgColor;
}

// cosA and sinA are cosf/sinf of the angle in radians, computed once on the host (Px.cosf/Px.sinf give
// CUDA's bits). unitEdges (spacing and |width| below 2^23) means the smoothstep denominators
// (period + 1) - period and (band + 1) - (band - 1) are exactly 1 and 2, so the divisions become the
// identical subtraction and multiplication by 0.5 (both exact), which spares two IEEE divisions a pixel.
JC_KERNEL fill_stripes(float4 *img, int w, int h, float cosA, float sinA, int spacing, int stripeWidth,
                       float4 c1, float4 c2, int offset, int unitEdges) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float period = (float)spacing;
  float band = (float)stripeWidth;
  float p = fmaf((float)x, cosA, (float)y * sinA) + (float)offset;
  float t = fmodf(p, period);
  if (t < 0.0f) t += period;
  float up;
  float down;
  if (unitEdges) {
    float u = clampB(t > period - 1.0f ? (t + 1.0f) - period : t);
    up = u * u * (3.0f - 2.0f * u);
    float d = clampB((t - (band - 1.0f)) * 0.5f);
    down = fmaf(-(d * d), 3.0f - 2.0f * d, 1.0f);
  } else {
    up = t > period - 1.0f ? smoothstep(period, period + 1.0f, t + 1.0f) : smoothstep(0.0f, 1.0f, t);
    down = oneMinusSmoothstep(band - 1.0f, band + 1.0f, t);
  }
  img[jc_index(x, y, w)] = mix2(c2, c1, fminf(up, down));
}

JC_KERNEL fill_dots(float4 *img, int w, int h, int spacing, float radius, float4 color, float4 bgColor,
                    int offsetX, int offsetY, float softness) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float period = (float)spacing;
  float mx = fmodf((float)((long long)x - offsetX), period);
  if (mx < 0.0f) mx += period;
  float my = fmodf((float)((long long)y - offsetY), period);
  if (my < 0.0f) my += period;
  float half = period * 0.5f;
  float dx = mx - half;
  float dy = my - half;
  float d = sqrtf(fmaf(dx, dx, dy * dy));
  float e = softness > 0.0f ? softness * radius : 0.5f;
  float t = oneMinusSmoothstep(radius - e, radius + e, d);
  img[jc_index(x, y, w)] = mix2(bgColor, color, t);
}

JC_KERNEL fill_circle(float4 *img, int w, int h, float4 color, float4 bgColor, float softness) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float r = fminf((float)w, (float)h) / 2.0f;
  float dx = (float)x - (float)w / 2.0f;
  float dy = (float)y - (float)h / 2.0f;
  float d = sqrtf(fmaf(dx, dx, dy * dy));
  float e = softness > 0.0f ? softness * r : 0.5f;
  float t = oneMinusSmoothstep(r - e, r + e, d);
  img[jc_index(x, y, w)] = mix2(bgColor, color, t);
}

JC_KERNEL fill_noise(float4 *img, int w, int h, float seed, int monochrome) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float fx = (float)x;
  float fy = (float)y;
  float r = hash(fx, fy, seed);
  float g = monochrome ? r : hash(fx, fy, seed + 1.0f);
  float b = monochrome ? r : hash(fx, fy, seed + 2.0f);
  img[jc_index(x, y, w)] = make_float4(r, g, b, 1.0f);
}

JC_KERNEL fill_perlin(float4 *img, int w, int h, float scale, float seed, int octaves, float persistence,
                      float lacunarity, float offsetX, float offsetY, float4 c1, float4 c2) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float u = ((float)x + offsetX) / scale;
  float v = ((float)y + offsetY) / scale;
  float total = 0.0f;
  float norm = 0.0f;
  float amp = 1.0f;
  float freq = 1.0f;
  for (int i = 0; i < octaves; i++) {
    total = fmaf(perlinNoise(u * freq, v * freq, fmaf((float)i, 13.5f, seed)), amp, total);
    norm += amp;
    amp *= persistence;
    freq *= lacunarity;
  }
  img[jc_index(x, y, w)] = mix2(c1, c2, clampA(fmaf(total / norm, 0.5f, 0.5f)));
}

// Everything that does not depend on the pixel comes from the host, computed as CpuFill.ngon does (Px gives
// CUDA's cosf/sinf bits): the rotation's cosine and sine, the sector angle, cos(pi / sides), the centre, the
// circumradius and the edge half-width. Per pixel remain the rotation, atan2, the sector and the distance.
JC_KERNEL fill_ngon(float4 *img, int w, int h, float4 color, float4 bgColor, float cosR, float sinR,
                    float slice, float cosHalfSlice, float cx, float cy, float r, float e) {
  int x, y;
  if (!jc_pixel(w, h, x, y)) return;
  float px = (float)x - cx;
  float py = (float)y - cy;
  float qx = fmaf(px, cosR, -(py * sinR));
  float qy = fmaf(py, cosR, px * sinR);
  float alpha = atan2D(qx, qy);
  float local = fmaf(-floorf(0.5f + alpha / slice), slice, alpha);
  float sdf = fmaf(-cosHalfSlice, r, cosf(local) * length(qx, qy));
  img[jc_index(x, y, w)] = mix2(bgColor, color, oneMinusSmoothstep(-e, e, sdf));
}
