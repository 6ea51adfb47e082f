// Pixel helpers shared by every kernel, mirrored one for one in internal/cpu/Px.java (same names, same
// order of float operations). The build passes -fmad=false, so a*b+c is never fused implicitly: where
// the reference's nvcc build fused a multiply-add, the helpers call fmaf() explicitly, and Px does
// Math.fma at the same place.
#pragma once
#include <cstdint>

#define JC_KERNEL extern "C" __global__ void

// One thread per pixel of a 2D launch (block shape: KernelLaunch.BLOCK_X x BLOCK_Y).
// Sets x, y and returns false for threads outside the width x height area.
__device__ __forceinline__ bool jc_pixel(int w, int h, int &x, int &y) {
  x = blockIdx.x * blockDim.x + threadIdx.x;
  y = blockIdx.y * blockDim.y + threadIdx.y;
  return x < w && y < h;
}

// Index of pixel (x, y) in a buffer whose rows are packed at width w.
__device__ __forceinline__ size_t jc_index(int x, int y, int w) {
  return (size_t)y * (size_t)w + (size_t)x;
}

// clampA: max(0, min(1, v)); NaN -> 1 (spec 1.9).
__device__ __forceinline__ float clampA(float v) { return fmaxf(0.0f, fminf(1.0f, v)); }
// clampB: min(max(v, 0), 1); NaN -> 0 (spec 1.9).
__device__ __forceinline__ float clampB(float v) { return fminf(fmaxf(v, 0.0f), 1.0f); }

// Float channel to 8 bits: trunc(fma(clampB(v), 255, 0.5)).
__device__ __forceinline__ unsigned char toU8(float v) {
  return (unsigned char)(int)fmaf(clampB(v), 255.0f, 0.5f);
}

// ---- fills (spec 3.1) ----

// pi in double precision (Java's Math.PI).
constexpr double JC_PI = 3.14159265358979323846;

// Degrees to radians as the reference's host code rounds it: in double, then to float.
__device__ __forceinline__ float radians(float degrees) { return (float)((double)degrees * (JC_PI / 180.0)); }

// floorDiv(a, b): the quotient rounded toward negative infinity (b > 0).
__device__ __forceinline__ long long floorDiv(long long a, long long b) {
  long long q = a / b;
  return (a % b < 0) ? q - 1 : q;
}

// floorMod(a, b): the remainder in [0, b) (b > 0).
__device__ __forceinline__ long long floorMod(long long a, long long b) {
  long long m = a % b;
  return m < 0 ? m + b : m;
}

// smoothstep(e0, e1, v) = t^2 (3 - 2t), t = clampB((v - e0) / (e1 - e0)).
__device__ __forceinline__ float smoothstep(float e0, float e1, float v) {
  float t = clampB((v - e0) / (e1 - e0));
  return t * t * (3.0f - 2.0f * t);
}

// 1 - smoothstep(e0, e1, v), fused as nvcc does: fma(-t^2, 3 - 2t, 1). The fills' antialiased edges.
__device__ __forceinline__ float oneMinusSmoothstep(float e0, float e1, float v) {
  float t = clampB((v - e0) / (e1 - e0));
  return fmaf(-(t * t), 3.0f - 2.0f * t, 1.0f);
}

// lerp(p, q, t) = p + (q - p) t, fused as nvcc does: fma(q - p, t, p).
__device__ __forceinline__ float lerp(float p, float q, float t) { return fmaf(q - p, t, p); }

// mix2(p, q, t) = p (1 - t) + q t, fused as nvcc does: fma(q, t, p (1 - t)).
__device__ __forceinline__ float mix2(float p, float q, float t) { return fmaf(q, t, p * (1.0f - t)); }
__device__ __forceinline__ float4 mix2(float4 p, float4 q, float t) {
  return make_float4(mix2(p.x, q.x, t), mix2(p.y, q.y, t), mix2(p.z, q.z, t), mix2(p.w, q.w, t));
}

// fract(v) = v - floor(v).
__device__ __forceinline__ float fract(float v) { return v - floorf(v); }

// sqrt(x^2 + y^2) in double precision, rounded to float (exact products, one rounded sum).
__device__ __forceinline__ float length(float x, float y) {
  return (float)sqrt((double)x * (double)x + (double)y * (double)y);
}

// atan2(y, x) in double precision, rounded to float.
__device__ __forceinline__ float atan2D(float y, float x) { return (float)atan2((double)y, (double)x); }

// sinf/cosf are CUDA's own (accurate, not __sinf): the reference's noise and Perlin images depend on their
// last bit. Px.sinf/Px.cosf emulate them bit for bit on the CPU.

// The noise hash fract(sin(fma(x, 12.9898, y * 78.233) + s) * 43758.5453) in [0, 1): the x product fused,
// the y product rounded, the seed added unfused, as the reference's nvcc build rounds it (spec 1.9).
__device__ __forceinline__ float hash(float x, float y, float s) {
  return fract(sinf(fmaf(x, 12.9898f, y * 78.233f) + s) * 43758.5453f);
}

// Perlin fade t^3 (t (6t - 15) + 10), fused as nvcc does.
__device__ __forceinline__ float fade(float t) { return t * t * t * fmaf(t, fmaf(t, 6.0f, -15.0f), 10.0f); }

// A lattice corner's contribution to perlinNoise: the unit gradient at angle 2 pi h dotted with the
// offset (dx, dy) from the corner, fma(cos phi, dx, sin phi * dy).
__device__ __forceinline__ float perlinGradient(float h, float dx, float dy) {
  float phi = h * 6.283185f;
  return fmaf(cosf(phi), dx, sinf(phi) * dy);
}

// Gradient noise N(px, py, s) in about [-0.71, 0.71] (spec 3.1 Fill.perlin).
__device__ __forceinline__ float perlinNoise(float px, float py, float s) {
  float x0 = floorf(px);
  float y0 = floorf(py);
  float fx = px - x0;
  float fy = py - y0;
  float c00 = perlinGradient(hash(x0, y0, s), fx, fy);
  float c01 = perlinGradient(hash(x0, y0 + 1.0f, s), fx, fy - 1.0f);
  float c10 = perlinGradient(hash(x0 + 1.0f, y0, s), fx - 1.0f, fy);
  float c11 = perlinGradient(hash(x0 + 1.0f, y0 + 1.0f, s), fx - 1.0f, fy - 1.0f);
  float qx = fade(fx);
  return lerp(lerp(c00, c10, qx), lerp(c01, c11, qx), fade(fy));
}

// ---- RGB <-> HSV (spec 2.2): Adjust.hue, Adjust.vibrance, Effect.chromaKey ----
// The reference's operation order, unfused: with -fmad=false nothing is contracted here, which is what
// reproduces the reference's hue and vibrance images exactly (in particular m = v - c is not fused into
// fma(-v, s, v)). fmodf is exact, so both backends agree bit for bit.

// (h, s, v) of (r, g, b): h in degrees [0, 360), s = (max - min) / max, v = max; greys get h = 0.
__device__ __forceinline__ float3 rgbToHsv(float r, float g, float b) {
  float mx = fmaxf(r, fmaxf(g, b));
  float mn = fminf(r, fminf(g, b));
  float d = mx - mn;
  float s = mx > 1e-5f ? d / mx : 0.0f;
  float h;
  if (d < 1e-5f) {
    h = 0.0f;
  } else if (mx == r) {
    h = 60.0f * fmodf((g - b) / d, 6.0f);
  } else if (mx == g) {
    h = 60.0f * ((b - r) / d + 2.0f);
  } else {
    h = 60.0f * ((r - g) / d + 4.0f);
  }
  if (h < 0.0f) h += 360.0f;
  return make_float3(h, s, mx);
}

// (r, g, b) of (h, s, v), h in degrees [0, 360): chroma c = v s, m = v - c added to every channel.
__device__ __forceinline__ float3 hsvToRgb(float h, float s, float v) {
  float c = v * s;
  float xx = c * (1.0f - fabsf(fmodf(h / 60.0f, 2.0f) - 1.0f));
  float m = v - c;
  float r, g, b;
  if (h < 60.0f) {
    r = c; g = xx; b = 0.0f;
  } else if (h < 120.0f) {
    r = xx; g = c; b = 0.0f;
  } else if (h < 180.0f) {
    r = 0.0f; g = c; b = xx;
  } else if (h < 240.0f) {
    r = 0.0f; g = xx; b = c;
  } else if (h < 300.0f) {
    r = xx; g = 0.0f; b = c;
  } else {
    r = c; g = 0.0f; b = xx;
  }
  return make_float3(r + m, g + m, b + m);
}
