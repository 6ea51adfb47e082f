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

// ---- samplers (spec 2.3): rotate, zoom and every resize ----
// Source coordinates (sx, sy) in pixel-index space (pixel (i, j) sits at (i, j)) of a w x h source; all
// four channels are sampled alike (straight alpha). Mirrored by Px.sampleNearest ... Px.sampleLanczos.
// The reference's build fuses the multiply-adds written below as fmaf(); every other operation rounds on
// its own.

// Block shape of the 2D launches (KernelLaunch.BLOCK_X x BLOCK_Y; ResizeTest checks that they agree), for
// kernels that share per-block tables in shared memory.
#define JC_BLOCK_X 32
#define JC_BLOCK_Y 8

// Interpolation codes as CudaTransform passes them (Interpolation.ordinal()).
#define JC_NEAREST 0
#define JC_BILINEAR 1
#define JC_BICUBIC 2
#define JC_LANCZOS 3

// Source pixel (x, y) through the read-only data cache.
__device__ __forceinline__ float4 jc_load(const float4 *__restrict__ src, int x, int y, int w) {
  return __ldg(src + jc_index(x, y, w));
}

// sum + p * wt per channel, one fused multiply-add each.
__device__ __forceinline__ float4 jc_fma4(float4 p, float wt, float4 sum) {
  return make_float4(fmaf(p.x, wt, sum.x), fmaf(p.y, wt, sum.y), fmaf(p.z, wt, sum.z), fmaf(p.w, wt, sum.w));
}

// v * k per channel.
__device__ __forceinline__ float4 jc_scale4(float4 v, float k) {
  return make_float4(v.x * k, v.y * k, v.z * k, v.w * k);
}

// Resize mapping of output column (row) x to the source: the pixel centres aligned,
// (x + 0.5) * scale - 0.5 with scale = srcSize / dstSize rounded to float, fused as nvcc does.
__device__ __forceinline__ float resizeCoord(int x, float scale) { return fmaf((float)x + 0.5f, scale, -0.5f); }

// nearest: the pixel at floor(s + 0.5), clamped to the image.
__device__ __forceinline__ int nearestIndex(float s, int n) { return max(0, min((int)floorf(s + 0.5f), n - 1)); }

__device__ __forceinline__ float4 sampleNearest(const float4 *__restrict__ src, int w, int h, float sx, float sy) {
  return jc_load(src, nearestIndex(sx, w), nearestIndex(sy, h), w);
}

// bilinear: the coordinate clamped to [0, n - 1], the edge pixel replicated; each interpolation
// fma(q - p, f, p), first along x on both rows, then along y.
__device__ __forceinline__ float4 bilerp4(float4 p, float4 q, float f) {
  return make_float4(fmaf(q.x - p.x, f, p.x), fmaf(q.y - p.y, f, p.y), fmaf(q.z - p.z, f, p.z),
                     fmaf(q.w - p.w, f, p.w));
}

__device__ __forceinline__ float4 sampleBilinear(const float4 *__restrict__ src, int w, int h, float sx, float sy) {
  float cx = fmaxf(0.0f, fminf(sx, (float)(w - 1)));
  float cy = fmaxf(0.0f, fminf(sy, (float)(h - 1)));
  int x0 = (int)cx;
  int y0 = (int)cy;
  int x1 = min(x0 + 1, w - 1);
  int y1 = min(y0 + 1, h - 1);
  float fx = cx - (float)x0;
  float fy = cy - (float)y0;
  float4 top = bilerp4(jc_load(src, x0, y0, w), jc_load(src, x1, y0, w), fx);
  float4 bottom = bilerp4(jc_load(src, x0, y1, w), jc_load(src, x1, y1, w), fx);
  return bilerp4(top, bottom, fy);
}

// Keys' cubic kernel with a = -0.5 (Catmull-Rom), Horner form fused as nvcc does:
// |t| <= 1: (1.5|t| - 2.5)|t|^2 + 1;  1 < |t| < 2: ((-0.5|t| + 2.5)|t| - 4)|t| + 2;  else 0.
__device__ __forceinline__ float cubicWeight(float t) {
  float a = fabsf(t);
  if (a <= 1.0f) return fmaf(fmaf(1.5f, a, -2.5f) * a, a, 1.0f);
  if (a < 2.0f) return fmaf(fmaf(fmaf(-0.5f, a, 2.5f), a, -4.0f), a, 2.0f);
  return 0.0f;
}

// sinc(t) = sin(pi t) / (pi t) with pi as a float, 1 near 0 (CUDA's accurate sinf; Px.sinf on the CPU).
__device__ __forceinline__ float sinc(float t) {
  if (fabsf(t) < 1e-5f) return 1.0f;
  float p = 3.14159265358979323846f * t;
  return sinf(p) / p;
}

// Lanczos-3 window: sinc(|t|) sinc(|t| * 0.333333333333f) for |t| < 3 (the third is a multiplication).
__device__ __forceinline__ float lanczosWeight(float t) {
  float a = fabsf(t);
  if (a >= 3.0f) return 0.0f;
  return sinc(a) * sinc(a * 0.333333333333f);
}

// First of the six Lanczos taps around s: c - 2 with c = floor(s + 0.5), the reference's window c - 2 ... c + 3.
// It is asymmetric: for s < c it misses the tap c - 3 (weight up to 0.024) and holds c + 3, whose weight
// is 0 (spec 5.27; kept, see docs/deviations.md).
__device__ __forceinline__ int lanczosFirst(float s) { return (int)floorf(s + 0.5f) - 2; }

// clampA on every channel (NaN -> 1, spec 1.9).
__device__ __forceinline__ float4 clampA4(float4 v) {
  return make_float4(clampA(v.x), clampA(v.y), clampA(v.z), clampA(v.w));
}

// Weighted sum over a tap window: taps visited row by row (y outer, x inner), taps outside the image
// omitted; per tap sum = fma(pixel, wx * wy, sum) and the weight sum adds wx * wy; when that weight sum is
// positive the sum is multiplied by its reciprocal and, if CLAMP, clamped (clampA4). N = 4 (bicubic) or 6
// (Lanczos).
template <int N, bool CLAMP>
__device__ __forceinline__ float4 jc_window(const float4 *__restrict__ src, int w, int h, int x0, int y0,
                                            const float *wx, const float *wy) {
  float4 sum = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  float wsum = 0.0f;
#pragma unroll
  for (int j = 0; j < N; j++) {
    int yy = y0 + j;
    if (yy < 0 || yy >= h) continue;
    const float4 *row = src + (size_t)yy * (size_t)w;
#pragma unroll
    for (int i = 0; i < N; i++) {
      int xx = x0 + i;
      if (xx < 0 || xx >= w) continue;
      float wt = wx[i] * wy[j];
      sum = jc_fma4(__ldg(row + xx), wt, sum);
      wsum += wt;
    }
  }
  if (wsum > 0.0f) {
    sum = jc_scale4(sum, 1.0f / wsum);
    if (CLAMP) sum = clampA4(sum);
  }
  return sum;
}

// bicubic: taps floor(s) - 1 ... floor(s) + 2, weight cubicWeight(i - f) with i = -1..2 relative and
// f = s - floor(s). Not clamped: Catmull-Rom overshoots at edges, alpha included.
__device__ __forceinline__ float4 sampleBicubic(const float4 *__restrict__ src, int w, int h, float sx, float sy) {
  int x0 = (int)floorf(sx);
  int y0 = (int)floorf(sy);
  float fx = sx - (float)x0;
  float fy = sy - (float)y0;
  float wx[4], wy[4];
#pragma unroll
  for (int i = 0; i < 4; i++) {
    wx[i] = cubicWeight((float)(i - 1) - fx);
    wy[i] = cubicWeight((float)(i - 1) - fy);
  }
  return jc_window<4, false>(src, w, h, x0 - 1, y0 - 1, wx, wy);
}

// lanczos (a = 3): six taps per axis from lanczosFirst(s), weight lanczosWeight(s - i); each axis's six
// weights are computed once and reused across the other axis (the reference recomputes them per tap: the
// same values). Every channel, alpha included, clamped to [0, 1] (clampA; the weight sum is always
// positive here, since the tap nearest to s is inside the image or within 1 of it).
__device__ __forceinline__ float4 sampleLanczos(const float4 *__restrict__ src, int w, int h, float sx, float sy) {
  int x0 = lanczosFirst(sx);
  int y0 = lanczosFirst(sy);
  float wx[6], wy[6];
#pragma unroll
  for (int i = 0; i < 6; i++) {
    wx[i] = lanczosWeight(sx - (float)(x0 + i));
    wy[i] = lanczosWeight(sy - (float)(y0 + i));
  }
  return jc_window<6, true>(src, w, h, x0, y0, wx, wy);
}

// The sampler named by an interpolation code (JC_NEAREST ... JC_LANCZOS).
__device__ __forceinline__ float4 sampleAt(int interpolation, const float4 *__restrict__ src, int w, int h,
                                           float sx, float sy) {
  switch (interpolation) {
    case JC_NEAREST: return sampleNearest(src, w, h, sx, sy);
    case JC_BICUBIC: return sampleBicubic(src, w, h, sx, sy);
    case JC_LANCZOS: return sampleLanczos(src, w, h, sx, sy);
    default: return sampleBilinear(src, w, h, sx, sy);
  }
}
