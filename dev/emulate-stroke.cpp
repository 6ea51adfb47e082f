// Host emulation of the stroke kernels of jimagecuda-core/src/main/cuda/effect.cu, for machines without a
// GPU (run it through dev/emulate-stroke.sh). Every block's 256 threads are real threads and
// __syncthreads() is a barrier, so the shared-memory tile kernel runs as on the device. The output pixels
// and the final nearest-seed field (recorded by a probe line the script adds to a copy of effect.cu) are
// compared bit for bit with plain sequential jump flooding, the algorithm of internal/cpu/CpuEffect.java,
// on random shapes and canvas sizes that exercise the whole-canvas passes, the fused tail and tile borders.
#include <algorithm>
#include <array>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <thread>
#include <vector>

struct float4 { float x, y, z, w; };
static inline float4 make_float4(float a, float b, float c, float d) { return {a, b, c, d}; }
struct dim3 { unsigned x, y, z; };
thread_local dim3 threadIdx;
static dim3 blockIdx, blockDim{32, 8, 1};
static std::barrier<> *barrier;
#define __syncthreads() barrier->arrive_and_wait()
#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static
static int __ffs(int x) { return __builtin_ffs(x); }
using std::max;
static unsigned *probe;
#include EFFECT_CU

static void launch(int gx, int gy, const std::function<void()> &body) {
  std::barrier<> b(256);
  barrier = &b;
  for (int by = 0; by < gy; by++) {
    for (int bx = 0; bx < gx; bx++) {
      blockIdx = {(unsigned)bx, (unsigned)by, 0};
      std::vector<std::thread> threads;
      for (int t = 0; t < 256; t++) {
        threads.emplace_back([&, t] {
          threadIdx = {(unsigned)(t % 32), (unsigned)(t / 32), 0};
          body();
        });
      }
      for (auto &t : threads) t.join();
    }
  }
}

static std::vector<int> steps(int w, int h) {
  int m = std::max(w, h), k = 0;
  while (m > 1) { m >>= 1; k++; }
  std::vector<int> s;
  for (int i = 0; i < k; i++) s.push_back(1 << (k - 1 - i));
  s.push_back(1);
  return s;
}

struct Result { std::vector<float4> pixels; std::vector<unsigned> seeds; };

static bool inside(const std::vector<float4> &s, int sw, int sh, int x, int y) {
  return x >= 0 && x < sw && y >= 0 && y < sh && !(s[y * sw + x].w <= 0.0f);
}

// Sequential passes over the whole canvas (CpuEffect.stroke).
static Result sequential(const std::vector<float4> &src, int sw, int sh, int w, int h, int off, float width,
                         float4 c, bool in) {
  std::vector<unsigned> a(w * h), b(w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      bool seed = false;
      if (inside(src, sw, sh, x - off, y - off))
        for (int j = -1; j <= 1; j++)
          for (int i = -1; i <= 1; i++)
            if ((i || j) && !inside(src, sw, sh, x - off + i, y - off + j)) seed = true;
      a[y * w + x] = seed ? ((unsigned)y << 15) | x : STROKE_NONE;
    }
  for (int s : steps(w, h)) {
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++) {
        unsigned best = a[y * w + x];
        int bestD = best == STROKE_NONE ? STROKE_FAR : strokeDistance2(best, x, y);
        for (int j = -1; j <= 1; j++) {
          int ny = y + j * s;
          if (ny < 0 || ny >= h) continue;
          for (int i = -1; i <= 1; i++) {
            int nx = x + i * s;
            if (nx < 0 || nx >= w || (!i && !j)) continue;
            strokeConsider(a[ny * w + nx], x, y, best, bestD);
          }
        }
        b[y * w + x] = best;
      }
    std::swap(a, b);
  }
  Result r{std::vector<float4>(w * h), a};
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      unsigned seed = a[y * w + x];
      float f = 0;
      if (seed != STROKE_NONE) {
        float d = sqrtf((float)strokeDistance2(seed, x, y));
        if (d <= width) f = fminf(1.0f, width - d);
      }
      int sx = x - off, sy = y - off;
      float4 s = sx >= 0 && sx < sw && sy >= 0 && sy < sh ? src[sy * sw + sx] : make_float4(0, 0, 0, 0);
      float4 p;
      if (!in) {
        float sa = c.w * f, inv = 1.0f - s.w;
        p = make_float4(fmaf(s.x, s.w, c.x * sa * inv), fmaf(s.y, s.w, c.y * sa * inv),
                        fmaf(s.z, s.w, c.z * sa * inv), fmaf(sa, inv, s.w));
      } else {
        float m = c.w * f;
        p = make_float4(mix2(s.x, c.x, m) * s.w, mix2(s.y, c.y, m) * s.w, mix2(s.z, c.z, m) * s.w, s.w);
      }
      r.pixels[y * w + x] = p.w > 1e-4f ? make_float4(p.x / p.w, p.y / p.w, p.z / p.w, p.w) : make_float4(0, 0, 0, 0);
    }
  return r;
}

// The launch sequence of CudaEffect.stroke.
static Result emulated(const std::vector<float4> &src, int sw, int sh, int w, int h, int off, float width,
                       float4 c, bool in) {
  std::vector<unsigned> planes(2 * (size_t)w * h, 0xDEADBEEFu);
  Result r{std::vector<float4>(w * h, make_float4(NAN, NAN, NAN, NAN)), std::vector<unsigned>(w * h, 0xDEADBEEFu)};
  probe = r.seeds.data();
  int gx = (w + 31) / 32, gy = (h + 7) / 8;
  launch(gx, gy, [&] { effect_stroke_seed(src.data(), sw, sh, planes.data(), w, h, off, off); });
  unsigned *cur = planes.data(), *next = planes.data() + (size_t)w * h;
  int first = 0;
  for (int s : steps(w, h)) {
    if (s <= STROKE_TILE_FROM) { first = s; break; }
    launch(gx, gy, [&] { effect_stroke_jump(cur, next, w, h, s); });
    std::swap(cur, next);
  }
  if (w == 1 && h == 1) first = 0;
  launch((w + 31) / 32, (h + 31) / 32, [&] {
    effect_stroke(src.data(), sw, sh, cur, r.pixels.data(), w, h, off, off, width, c, in ? 1 : 0, first);
  });
  return r;
}

int main() {
  std::mt19937 rng(12345);
  std::uniform_real_distribution<float> u(0, 1);
  int sizes[][2] = {{1, 1}, {3, 7}, {7, 3}, {40, 33}, {70, 45}, {129, 65}, {100, 100}};
  long pixels = 0, bad = 0;
  for (auto &size : sizes) {
    for (int variant = 0; variant < 4; variant++) {
      int sw = size[0], sh = size[1];
      std::vector<float4> src(sw * sh);
      std::vector<std::array<float, 3>> discs;
      for (int i = 0, n = 1 + rng() % 4; i < n; i++)
        discs.push_back({u(rng) * sw, u(rng) * sh, 1 + u(rng) * std::max(sw, sh) / 3});
      for (int y = 0; y < sh; y++)
        for (int x = 0; x < sw; x++) {
          bool in = u(rng) < (variant == 2 ? 0.3f : 0.02f) || variant == 3;
          for (auto &d : discs) in |= std::hypot(x - d[0], y - d[1]) < d[2];
          src[y * sw + x] = make_float4(u(rng), u(rng), u(rng), in ? 0.05f + u(rng) : 0.0f);
        }
      int width = 1 + rng() % 12;
      bool in = variant == 1, expand = variant != 2;
      int off = !in && expand ? width : 0;
      int w = sw + 2 * off, h = sh + 2 * off;
      float4 c = make_float4(u(rng), u(rng), u(rng), 0.3f + u(rng) * 0.7f);
      Result s = sequential(src, sw, sh, w, h, off, (float)width, c, in);
      Result e = emulated(src, sw, sh, w, h, off, (float)width, c, in);
      long seeds = 0, px = 0;
      for (size_t i = 0; i < s.pixels.size(); i++) {
        seeds += s.seeds[i] != e.seeds[i];
        px += memcmp(&s.pixels[i], &e.pixels[i], sizeof(float4)) != 0;
      }
      printf("%4dx%-4d canvas %4dx%-4d width %2d %-7s%-7s: %ld seeds and %ld of %zu pixels differ\n", sw, sh,
             w, h, width, in ? "inside" : "outside", expand ? " expand" : "", seeds, px, s.pixels.size());
      pixels += s.pixels.size();
      bad += seeds + px;
    }
  }
  printf("%s: %ld differences over %ld pixels\n", bad ? "FAIL" : "OK", bad, pixels);
  return bad != 0;
}
