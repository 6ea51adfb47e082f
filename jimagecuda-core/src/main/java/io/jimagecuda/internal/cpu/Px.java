package io.jimagecuda.internal.cpu;

/**
 * Pixel maths shared by the CPU operations, one for one with {@code src/main/cuda/common.cuh}: same
 * names, same order of float operations, explicit {@link Math#fma} where the kernels call {@code fmaf},
 * so both backends round alike. CUDA's {@code fminf}/{@code fmaxf} return the non-NaN operand; the
 * helpers here do the same.
 */
public final class Px {
  private Px() {
  }

  /** CUDA {@code fminf}: the smaller value; if one is NaN, the other. */
  public static float fminf(float a, float b) {
    if (a != a) {
      return b;
    }
    if (b != b) {
      return a;
    }
    return Math.min(a, b);
  }

  /** CUDA {@code fmaxf}: the larger value; if one is NaN, the other. */
  public static float fmaxf(float a, float b) {
    if (a != a) {
      return b;
    }
    if (b != b) {
      return a;
    }
    return Math.max(a, b);
  }

  /** {@code max(0, min(1, v))}: NaN becomes 1 (spec §1.9 clampA). */
  public static float clampA(float v) {
    return fmaxf(0f, fminf(1f, v));
  }

  /** {@code min(max(v, 0), 1)}: NaN becomes 0 (spec §1.9 clampB). */
  public static float clampB(float v) {
    return fminf(fmaxf(v, 0f), 1f);
  }

  /** Float channel to 8 bits: {@code trunc(fma(clampB(v), 255, 0.5))}. */
  public static int toU8(float v) {
    return (int) Math.fma(clampB(v), 255f, 0.5f);
  }

  // ---- fills (spec §3.1) ----

  /** Degrees to radians as the reference's host code rounds it: in double, then to float. */
  public static float radians(float degrees) {
    return (float) (degrees * (Math.PI / 180.0));
  }

  /** {@code floorDiv(a, b)}: the quotient rounded toward negative infinity ({@code b > 0}). */
  public static long floorDiv(long a, long b) {
    return Math.floorDiv(a, b);
  }

  /** {@code floorMod(a, b)}: the remainder in {@code [0, b)} ({@code b > 0}). */
  public static long floorMod(long a, long b) {
    return Math.floorMod(a, b);
  }

  /**
   * {@code smoothstep(e0, e1, v) = t²(3 − 2t)} with {@code t = clampB((v − e0)/(e1 − e0))}; a zero-width
   * edge is a step that is 0 at {@code v == e0}.
   */
  public static float smoothstep(float e0, float e1, float v) {
    float t = clampB((v - e0) / (e1 - e0));
    return t * t * (3f - 2f * t);
  }

  /**
   * {@code 1 − smoothstep(e0, e1, v)}, fused as nvcc does: {@code fma(−t², 3 − 2t, 1)}. The fills use it for
   * their antialiased edges.
   */
  public static float oneMinusSmoothstep(float e0, float e1, float v) {
    float t = clampB((v - e0) / (e1 - e0));
    return Math.fma(-(t * t), 3f - 2f * t, 1f);
  }

  /** {@code lerp(p, q, t) = p + (q − p)·t}, fused as nvcc does: {@code fma(q − p, t, p)}. */
  public static float lerp(float p, float q, float t) {
    return Math.fma(q - p, t, p);
  }

  /** {@code mix2(p, q, t) = p·(1 − t) + q·t}, fused as nvcc does: {@code fma(q, t, p·(1 − t))}. */
  public static float mix2(float p, float q, float t) {
    return Math.fma(q, t, p * (1f - t));
  }

  /** {@code fract(v) = v − floor(v)}. */
  public static float fract(float v) {
    return v - (float) Math.floor(v);
  }

  /** {@code sqrt(x² + y²)} in double precision, rounded to float (exact products, one rounded sum). */
  public static float length(float x, float y) {
    return (float) Math.sqrt((double) x * x + (double) y * y);
  }

  /** {@code atan2(y, x)} in double precision, rounded to float. */
  public static float atan2D(float y, float x) {
    return (float) Math.atan2(y, x);
  }

  /** The bits of 2/π, least significant word first, for the large-argument reduction. */
  private static final int[] TWO_OVER_PI_BITS = {
    0x3c439041, 0xdb629599, 0xf534ddc0, 0xfc2757d1, 0x4e441529, 0xa2f9836e
  };

  /**
   * CUDA's {@code sinf} (the accurate one, not {@code __sinf}) bit for bit, as nvcc 13.0 builds it: the
   * reference's noise and Perlin images depend on its last bit, which can differ from the correctly
   * rounded sine by up to 2 ulp. The CUDA kernels call {@code sinf} itself; the GPU parity tests check
   * that the two agree.
   */
  public static float sinf(float a) {
    long rq = reduceQuadrant(a);
    return quadrantSin(Float.intBitsToFloat((int) rq), (int) (rq >> 32));
  }

  /** CUDA's {@code cosf} bit for bit, like {@link #sinf(float)}. */
  public static float cosf(float a) {
    long rq = reduceQuadrant(a);
    return quadrantSin(Float.intBitsToFloat((int) rq), (int) (rq >> 32) + 1);
  }

  /**
   * Reduces {@code a} by π/2: returns the quadrant {@code q} in the high word and the bits of
   * {@code r = a − q·π/2} in the low word. Below 105615 in magnitude a three-part Cody–Waite reduction
   * in float with fused multiply-adds; above, Payne–Hanek with 192 bits of 2/π.
   */
  private static long reduceQuadrant(float a) {
    int q = (int) Math.rint(a * 0x1.45f306p-1f);
    float j = q;
    float r = Math.fma(j, -0x1.921fb4p+0f, a);
    r = Math.fma(j, -0x1.4442d0p-24f, r);
    r = Math.fma(j, -0x1.84698ap-48f, r);
    if (Math.abs(a) >= 105615f) {
      if (Float.isInfinite(a)) {
        r = a * 0f;
        q = 0;
      } else {
        int ia = Float.floatToRawIntBits(a);
        int e = ((ia >>> 23) & 255) - 128;
        long m = ((ia << 8) | 0x80000000) & 0xFFFFFFFFL;
        int[] words = new int[7];
        long carry = 0;
        for (int i = 0; i < 6; i++) {
          long p = (TWO_OVER_PI_BITS[i] & 0xFFFFFFFFL) * m + carry;
          words[i] = (int) p;
          carry = p >>> 32;
        }
        words[6] = (int) carry;
        int idx = e >>> 5;
        int hi = words[6 - idx];
        int lo = words[5 - idx];
        int sh = e & 31;
        if (sh != 0) {
          int hi2 = (lo >>> (32 - sh)) + (hi << sh);
          lo = (words[4 - idx] >>> (32 - sh)) + (lo << sh);
          hi = hi2;
        }
        int sign = ia & 0x80000000;
        int x = (lo >>> 30) | (hi << 2);
        int round = x >>> 31;
        int quadrant = round + (hi >>> 30);
        q = sign == 0 ? quadrant : -quadrant;
        int mask = round != 0 ? -1 : 0;
        if (round != 0) {
          sign ^= 0x80000000;
        }
        long fraction = ((long) (x ^ mask) << 32) | (((lo << 2) ^ mask) & 0xFFFFFFFFL);
        r = (float) (fraction * 0x1.921fb54442d19p-64);
        if (sign != 0) {
          r = -r;
        }
      }
    }
    return ((long) q << 32) | (Float.floatToRawIntBits(r) & 0xFFFFFFFFL);
  }

  /** {@code sin(r + q·π/2)} for a reduced {@code r}: CUDA's minimax polynomials for sine and cosine. */
  private static float quadrantSin(float r, int q) {
    boolean cosine = (q & 1) != 0;
    float z = r * r;
    float c = cosine ? 1f : r;
    float p = cosine ? Math.fma(0x1.9758p-16f, z, -0x1.6c0fdap-10f) : -0x1.9a82a6p-13f;
    p = Math.fma(p, z, cosine ? 0x1.555576p-5f : 0x1.110bc8p-7f);
    p = Math.fma(p, z, cosine ? -0x1.fffffep-2f : -0x1.55555p-3f);
    float s = Math.fma(p, Math.fma(z, c, 0f), c);
    return (q & 2) != 0 ? Math.fma(s, -1f, 0f) : s;
  }

  /**
   * The noise hash {@code fract(sin(fma(x, 12.9898, y·78.233) + s)·43758.5453)} in [0, 1): the x
   * product fused, the y product rounded and the seed added unfused, as the reference's nvcc build
   * rounds it (spec §1.9).
   */
  public static float hash(float x, float y, float s) {
    return fract(sinf(Math.fma(x, 12.9898f, y * 78.233f) + s) * 43758.5453f);
  }

  /** Perlin fade {@code t³(t(6t − 15) + 10)}, fused as nvcc does. */
  public static float fade(float t) {
    return t * t * t * Math.fma(t, Math.fma(t, 6f, -15f), 10f);
  }

  /**
   * A lattice corner's contribution to {@link #perlinNoise}: the unit gradient at angle {@code 2π·h}
   * dotted with the offset {@code (dx, dy)} from the corner, {@code fma(cos φ, dx, sin φ·dy)}.
   */
  public static float perlinGradient(float h, float dx, float dy) {
    float phi = h * 6.283185f;
    return Math.fma(cosf(phi), dx, sinf(phi) * dy);
  }

  /** Gradient noise {@code N(px, py, s)} in about [−0.71, 0.71] (spec §3.1 {@code Fill.perlin}). */
  public static float perlinNoise(float px, float py, float s) {
    float x0 = (float) Math.floor(px);
    float y0 = (float) Math.floor(py);
    float fx = px - x0;
    float fy = py - y0;
    float c00 = perlinGradient(hash(x0, y0, s), fx, fy);
    float c01 = perlinGradient(hash(x0, y0 + 1f, s), fx, fy - 1f);
    float c10 = perlinGradient(hash(x0 + 1f, y0, s), fx - 1f, fy);
    float c11 = perlinGradient(hash(x0 + 1f, y0 + 1f, s), fx - 1f, fy - 1f);
    float qx = fade(fx);
    return lerp(lerp(c00, c10, qx), lerp(c01, c11, qx), fade(fy));
  }

  // ---- RGB <-> HSV (spec §2.2): Adjust.hue, Adjust.vibrance, Effect.chromaKey ----

  /**
   * {@code (h, s, v)} of {@code (r, g, b)} into {@code hsv[at..at+2]}: h in degrees [0, 360) (0 for greys),
   * {@code s = (max − min)/max} (0 where {@code max ≤ 1e-5}), {@code v = max}. The reference's operation
   * order, unfused, like {@code rgbToHsv} in common.cuh; Java's float {@code %} is C's exact {@code fmodf}.
   */
  public static void rgbToHsv(float r, float g, float b, float[] hsv, int at) {
    float mx = fmaxf(r, fmaxf(g, b));
    float mn = fminf(r, fminf(g, b));
    float d = mx - mn;
    float s = mx > 1e-5f ? d / mx : 0f;
    float h;
    if (d < 1e-5f) {
      h = 0f;
    } else if (mx == r) {
      h = 60f * ((g - b) / d % 6f);
    } else if (mx == g) {
      h = 60f * ((b - r) / d + 2f);
    } else {
      h = 60f * ((r - g) / d + 4f);
    }
    if (h < 0f) {
      h += 360f;
    }
    hsv[at] = h;
    hsv[at + 1] = s;
    hsv[at + 2] = mx;
  }

  /**
   * {@code (r, g, b)} of {@code (h, s, v)} into {@code rgb[at..at+2]}, h in degrees [0, 360): chroma
   * {@code c = v·s} and {@code m = v − c} (not fused) added to every channel, like {@code hsvToRgb} in
   * common.cuh.
   */
  public static void hsvToRgb(float h, float s, float v, float[] rgb, int at) {
    float c = v * s;
    float xx = c * (1f - Math.abs(h / 60f % 2f - 1f));
    float m = v - c;
    float r;
    float g;
    float b;
    if (h < 60f) {
      r = c;
      g = xx;
      b = 0f;
    } else if (h < 120f) {
      r = xx;
      g = c;
      b = 0f;
    } else if (h < 180f) {
      r = 0f;
      g = c;
      b = xx;
    } else if (h < 240f) {
      r = 0f;
      g = xx;
      b = c;
    } else if (h < 300f) {
      r = xx;
      g = 0f;
      b = c;
    } else {
      r = c;
      g = 0f;
      b = xx;
    }
    rgb[at] = r + m;
    rgb[at + 1] = g + m;
    rgb[at + 2] = b + m;
  }

  // ---- samplers (spec §2.3): rotate, zoom and every resize ----
  // Twins of common.cuh's samplers: source coordinates (sx, sy) in pixel-index space of a w × h source
  // held as packed RGBA floats; the result goes to dst[di .. di + 3].

  /** Resize mapping of output column (row) {@code x}: {@code fma(x + 0.5, scale, −0.5)}, pixel centres aligned. */
  public static float resizeCoord(int x, float scale) {
    return Math.fma((float) x + 0.5f, scale, -0.5f);
  }

  /** Nearest pixel index {@code clamp(floor(s + 0.5), 0, n − 1)}. */
  public static int nearestIndex(float s, int n) {
    return Math.max(0, Math.min((int) Math.floor(s + 0.5f), n - 1));
  }

  /** Copies pixel {@code (x, y)} of a {@code w}-wide source to {@code dst[di..]}. */
  public static void copyPixel(float[] src, int x, int y, int w, float[] dst, int di) {
    System.arraycopy(src, (y * w + x) * 4, dst, di, 4);
  }

  /** The nearest sampler: the pixel at {@code (nearestIndex(sx, w), nearestIndex(sy, h))}. */
  public static void sampleNearest(float[] src, int w, int h, float sx, float sy, float[] dst, int di) {
    copyPixel(src, nearestIndex(sx, w), nearestIndex(sy, h), w, dst, di);
  }

  /**
   * The bilinear sampler: coordinates clamped to {@code [0, n − 1]} (edge pixels replicated),
   * {@code top = fma(p10 − p00, fx, p00)}, {@code bottom = fma(p11 − p01, fx, p01)},
   * {@code fma(bottom − top, fy, top)} per channel.
   */
  public static void sampleBilinear(float[] src, int w, int h, float sx, float sy, float[] dst, int di) {
    float cx = fmaxf(0f, fminf(sx, (float) (w - 1)));
    float cy = fmaxf(0f, fminf(sy, (float) (h - 1)));
    int x0 = (int) cx;
    int y0 = (int) cy;
    int x1 = Math.min(x0 + 1, w - 1);
    int y1 = Math.min(y0 + 1, h - 1);
    bilinear(src, w, x0, x1, cx - (float) x0, y0, y1, cy - (float) y0, dst, di);
  }

  /** Bilinear interpolation between the four pixels {@code (x0|x1, y0|y1)} with fractions fx, fy. */
  public static void bilinear(float[] src, int w, int x0, int x1, float fx, int y0, int y1, float fy, float[] dst,
      int di) {
    int r0 = y0 * w;
    int r1 = y1 * w;
    int i00 = (r0 + x0) * 4;
    int i10 = (r0 + x1) * 4;
    int i01 = (r1 + x0) * 4;
    int i11 = (r1 + x1) * 4;
    for (int c = 0; c < 4; c++) {
      float p00 = src[i00 + c];
      float p01 = src[i01 + c];
      float top = Math.fma(src[i10 + c] - p00, fx, p00);
      float bottom = Math.fma(src[i11 + c] - p01, fx, p01);
      dst[di + c] = Math.fma(bottom - top, fy, top);
    }
  }

  /**
   * Keys' cubic kernel with {@code a = −0.5} (Catmull-Rom) in Horner form, fused as nvcc does:
   * {@code (1.5|t| − 2.5)|t|² + 1} for {@code |t| ≤ 1}, {@code ((−0.5|t| + 2.5)|t| − 4)|t| + 2} for
   * {@code 1 < |t| < 2}, else 0.
   */
  public static float cubicWeight(float t) {
    float a = Math.abs(t);
    if (a <= 1f) {
      return Math.fma(Math.fma(1.5f, a, -2.5f) * a, a, 1f);
    }
    if (a < 2f) {
      return Math.fma(Math.fma(Math.fma(-0.5f, a, 2.5f), a, -4f), a, 2f);
    }
    return 0f;
  }

  /** {@code sinc(t) = sin(πt)/(πt)} with π as a float and CUDA's {@code sinf}; 1 when {@code |t| < 1e-5}. */
  public static float sinc(float t) {
    if (Math.abs(t) < 1e-5f) {
      return 1f;
    }
    float p = 3.14159265358979323846f * t;
    return sinf(p) / p;
  }

  /** The Lanczos-3 window {@code sinc(|t|)·sinc(|t|·0.333333333333f)} for {@code |t| < 3}, else 0. */
  public static float lanczosWeight(float t) {
    float a = Math.abs(t);
    if (a >= 3f) {
      return 0f;
    }
    return sinc(a) * sinc(a * 0.333333333333f);
  }

  /**
   * The first of the six Lanczos taps around {@code s}: {@code c − 2} with {@code c = floor(s + 0.5)}, the
   * reference's asymmetric window {@code c − 2 … c + 3} (spec §5.27).
   */
  public static int lanczosFirst(float s) {
    return (int) Math.floor(s + 0.5f) - 2;
  }

  /**
   * The weighted sum over an {@code n × n} tap window starting at {@code (x0, y0)}: rows outer, columns
   * inner, taps outside the image omitted, {@code sum = fma(pixel, wx·wy, sum)} per channel and the
   * weight sum added plainly; when that is positive, multiplied by {@code 1 / weightSum} and, if
   * {@code clamp}, clamped with {@link #clampA}.
   *
   * @param wx the column weights at {@code wx[wxOff .. wxOff + n − 1]}
   * @param wy the row weights at {@code wy[wyOff .. wyOff + n − 1]}
   */
  public static void window(float[] src, int w, int h, int x0, int y0, int n, float[] wx, int wxOff, float[] wy,
      int wyOff, boolean clamp, float[] dst, int di) {
    float r = 0f;
    float g = 0f;
    float b = 0f;
    float a = 0f;
    float wsum = 0f;
    int i0 = Math.max(0, -x0);
    int i1 = Math.min(n, w - x0);
    for (int j = 0; j < n; j++) {
      int yy = y0 + j;
      if (yy < 0 || yy >= h) {
        continue;
      }
      float wyj = wy[wyOff + j];
      int row = yy * w;
      for (int i = i0; i < i1; i++) {
        float wt = wx[wxOff + i] * wyj;
        int s = (row + x0 + i) * 4;
        r = Math.fma(src[s], wt, r);
        g = Math.fma(src[s + 1], wt, g);
        b = Math.fma(src[s + 2], wt, b);
        a = Math.fma(src[s + 3], wt, a);
        wsum += wt;
      }
    }
    if (wsum > 0f) {
      float inv = 1f / wsum;
      r *= inv;
      g *= inv;
      b *= inv;
      a *= inv;
      if (clamp) {
        r = clampA(r);
        g = clampA(g);
        b = clampA(b);
        a = clampA(a);
      }
    }
    dst[di] = r;
    dst[di + 1] = g;
    dst[di + 2] = b;
    dst[di + 3] = a;
  }

  /**
   * The bicubic sampler: taps {@code floor(s) − 1 … floor(s) + 2} with weights
   * {@code cubicWeight(i − f)}, {@code i = −1..2}, {@code f = s − floor(s)}; not clamped.
   *
   * @param weights scratch space for 8 floats
   */
  public static void sampleBicubic(float[] src, int w, int h, float sx, float sy, float[] weights, float[] dst,
      int di) {
    int x0 = (int) Math.floor(sx);
    int y0 = (int) Math.floor(sy);
    float fx = sx - (float) x0;
    float fy = sy - (float) y0;
    for (int i = 0; i < 4; i++) {
      weights[i] = cubicWeight((float) (i - 1) - fx);
      weights[4 + i] = cubicWeight((float) (i - 1) - fy);
    }
    window(src, w, h, x0 - 1, y0 - 1, 4, weights, 0, weights, 4, false, dst, di);
  }

  /**
   * The Lanczos-3 sampler: six taps per axis from {@link #lanczosFirst}, weights
   * {@code lanczosWeight(s − i)}; every channel clamped to [0, 1] ({@link #clampA}).
   *
   * @param weights scratch space for 12 floats
   */
  public static void sampleLanczos(float[] src, int w, int h, float sx, float sy, float[] weights, float[] dst,
      int di) {
    int x0 = lanczosFirst(sx);
    int y0 = lanczosFirst(sy);
    for (int i = 0; i < 6; i++) {
      weights[i] = lanczosWeight(sx - (float) (x0 + i));
      weights[6 + i] = lanczosWeight(sy - (float) (y0 + i));
    }
    window(src, w, h, x0, y0, 6, weights, 0, weights, 6, true, dst, di);
  }
}
