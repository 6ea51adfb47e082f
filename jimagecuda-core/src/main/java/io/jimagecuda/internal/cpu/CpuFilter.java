package io.jimagecuda.internal.cpu;

import io.jimagecuda.internal.backend.FilterOps;
import io.jimagecuda.internal.backend.Storage;

/**
 * CPU twin of {@code filter.cu}: the same float operations in the same order ({@code Math.fma} wherever
 * the kernel calls {@code fmaf}), so both backends give the same bits.
 *
 * <p><b>Blur.</b> Separable and cache-blocked, with no per-pixel branch and no per-pixel object. Both
 * passes work on blocks of at most {@value #BLOCK} floats (256 pixels, all four channels): the
 * horizontal pass on a copy of each row padded with {@code radius} edge pixels on both sides (the
 * clamp-to-edge border), the vertical pass on column strips, for each output row reading the clamped
 * rows {@code y ± i}, which the next output rows find in the cache again. For each tap the two operand
 * blocks are first copied into scratch arrays ({@code System.arraycopy}), so that the accumulation loop
 * indexes every array with the same index: that is the loop shape HotSpot's C2 (JDK 17) turns into
 * vector FMAs; with the operands at different offsets of one array it stays scalar, about 3× slower.
 * Both passes split rows over the backend's threads.
 */
final class CpuFilter implements FilterOps {
  /** Floats per block (a multiple of 4): the scratch arrays of one tap stay in L1. */
  static final int BLOCK = 1024;

  private final Rows rows;

  CpuFilter(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage img) {
    return ((CpuStorage) img).floats;
  }

  // ---------------------------------------------------------------- Gaussian blur

  @Override
  public void gaussianBlur(Storage dst, Storage src, Storage temp, int width, int height, float[] weights) {
    float[] s = floats(src);
    float[] t = floats(temp);
    float[] d = floats(dst);
    int radius = weights.length - 1;
    int stride = width * 4;
    int pad = 4 * radius;
    rows.run(width, height, (y0, y1) -> {
      Scratch k = new Scratch();
      float[] padded = new float[stride + 2 * pad];
      for (int y = y0; y < y1; y++) {
        int row = y * stride;
        System.arraycopy(s, row, padded, pad, stride);
        for (int p = 0; p < pad; p += 4) {
          System.arraycopy(s, row, padded, p, 4);
          System.arraycopy(s, row + stride - 4, padded, pad + stride + p, 4);
        }
        for (int c0 = 0; c0 < stride; c0 += BLOCK) {
          int n = Math.min(BLOCK, stride - c0);
          int centre = pad + c0;
          k.start(padded, centre, n, weights[0]);
          for (int i = 1; i <= radius; i++) {
            k.tap(padded, centre - 4 * i, centre + 4 * i, n, weights[i]); // i pixels to either side
          }
          System.arraycopy(k.acc, 0, t, row + c0, n);
        }
      }
    });
    rows.run(width, height, (y0, y1) -> {
      Scratch k = new Scratch();
      for (int c0 = 0; c0 < stride; c0 += BLOCK) {
        int n = Math.min(BLOCK, stride - c0);
        for (int y = y0; y < y1; y++) {
          k.start(t, y * stride + c0, n, weights[0]);
          for (int i = 1; i <= radius; i++) {
            k.tap(t, Math.max(y - i, 0) * stride + c0, Math.min(y + i, height - 1) * stride + c0, n, weights[i]);
          }
          System.arraycopy(k.acc, 0, d, y * stride + c0, n);
        }
      }
    });
  }

  /** One thread's scratch blocks for a pass: the two operands of a tap and the accumulator. */
  private static final class Scratch {
    final float[] left = new float[BLOCK];
    final float[] right = new float[BLOCK];
    final float[] acc = new float[BLOCK];

    /** {@code acc = w0·S} over the {@code n} floats of {@code src} from {@code centre}. */
    void start(float[] src, int centre, int n, float w0) {
      float[] c = left;
      float[] a = acc;
      System.arraycopy(src, centre, c, 0, n);
      for (int j = 0; j < n; j++) {
        a[j] = c[j] * w0;
      }
    }

    /** {@code acc = fma(L + R, w, acc)} with the {@code n} floats of {@code src} from {@code l} and {@code r}. */
    void tap(float[] src, int l, int r, int n, float w) {
      float[] x = left;
      float[] y = right;
      float[] a = acc;
      System.arraycopy(src, l, x, 0, n);
      System.arraycopy(src, r, y, 0, n);
      for (int j = 0; j < n; j++) {
        a[j] = Math.fma(x[j] + y[j], w, a[j]);
      }
    }
  }

  // ---------------------------------------------------------------- 3x3 neighbourhoods

  @Override
  public void sharpen(Storage dst, Storage src, int width, int height, float strength) {
    float[] s = floats(src);
    float[] d = floats(dst);
    float cw = Math.fma(4f, strength, 1f);
    float nw = -strength;
    int stride = width * 4;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int row = y * stride;
        int up = Math.max(y - 1, 0) * stride;
        int down = Math.min(y + 1, height - 1) * stride;
        for (int x = 0; x < width; x++) {
          int cx = 4 * x;
          int lx = 4 * Math.max(x - 1, 0);
          int rx = 4 * Math.min(x + 1, width - 1);
          for (int ch = 0; ch < 3; ch++) {
            float v = s[row + cx + ch] * cw;
            v = Math.fma(s[up + cx + ch], nw, v);
            v = Math.fma(s[down + cx + ch], nw, v);
            v = Math.fma(s[row + lx + ch], nw, v);
            v = Math.fma(s[row + rx + ch], nw, v);
            d[row + cx + ch] = Px.clampA(v);
          }
          d[row + cx + 3] = s[row + cx + 3];
        }
      }
    });
  }

  /** {@code sobelMagnitude} of filter.cu: pXY is column X, row Y of the 3×3 block. */
  private static float sobelMagnitude(float p00, float p10, float p20, float p01, float p21, float p02, float p12,
      float p22) {
    float gx = -p00 + p20;
    gx = Math.fma(p01, -2f, gx);
    gx = Math.fma(p21, 2f, gx);
    gx = gx - p02;
    gx = gx + p22;
    float gy = -p00;
    gy = Math.fma(p10, -2f, gy);
    gy = gy - p20;
    gy = gy + p02;
    gy = Math.fma(p12, 2f, gy);
    gy = gy + p22;
    return (float) Math.sqrt(Math.fma(gx, gx, gy * gy));
  }

  @Override
  public void sobel(Storage dst, Storage src, int width, int height) {
    float[] s = floats(src);
    float[] d = floats(dst);
    int stride = width * 4;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int row = y * stride;
        int up = Math.max(y - 1, 0) * stride;
        int down = Math.min(y + 1, height - 1) * stride;
        for (int x = 0; x < width; x++) {
          int cx = 4 * x;
          int lx = 4 * Math.max(x - 1, 0);
          int rx = 4 * Math.min(x + 1, width - 1);
          for (int ch = 0; ch < 3; ch++) {
            d[row + cx + ch] = sobelMagnitude(s[up + lx + ch], s[up + cx + ch], s[up + rx + ch],
                s[row + lx + ch], s[row + rx + ch], s[down + lx + ch], s[down + cx + ch], s[down + rx + ch]);
          }
          d[row + cx + 3] = 1f;
        }
      }
    });
  }

  /** {@code embossValue} of filter.cu: kernel [−2 −1 0; −1 1 1; 0 1 2] in the reference's order. */
  private static float embossValue(float a, float b, float c, float d, float e, float f, float g, float strength) {
    float s = a * -2f;
    s = s - b;
    s = s - c;
    s = s + d;
    s = s + e;
    s = s + f;
    s = Math.fma(g, 2f, s);
    return Math.fma(s, strength, 0.5f);
  }

  @Override
  public void emboss(Storage dst, Storage src, int width, int height, float strength) {
    float[] s = floats(src);
    float[] d = floats(dst);
    int stride = width * 4;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int row = y * stride;
        int up = Math.max(y - 1, 0) * stride;
        int down = Math.min(y + 1, height - 1) * stride;
        for (int x = 0; x < width; x++) {
          int cx = 4 * x;
          int lx = 4 * Math.max(x - 1, 0);
          int rx = 4 * Math.min(x + 1, width - 1);
          for (int ch = 0; ch < 3; ch++) {
            d[row + cx + ch] = embossValue(s[up + lx + ch], s[up + cx + ch], s[row + lx + ch], s[row + cx + ch],
                s[row + rx + ch], s[down + cx + ch], s[down + rx + ch], strength);
          }
          d[row + cx + 3] = 1f;
        }
      }
    });
  }

  // ---------------------------------------------------------------- per-pixel tone filters

  @Override
  public void sepia(Storage img, int width, int height, float intensity) {
    float[] p = floats(img);
    float keep = 1f - intensity;
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        float r = p[i];
        float g = p[i + 1];
        float b = p[i + 2];
        float sr = Math.fma(b, 0.189f, Math.fma(r, 0.393f, g * 0.769f));
        float sg = Math.fma(b, 0.168f, Math.fma(r, 0.349f, g * 0.686f));
        float sb = Math.fma(b, 0.131f, Math.fma(r, 0.272f, g * 0.534f));
        p[i] = Math.fma(r, keep, sr * intensity);
        p[i + 1] = Math.fma(g, keep, sg * intensity);
        p[i + 2] = Math.fma(b, keep, sb * intensity);
      }
    });
  }

  @Override
  public void invert(Storage img, int width, int height) {
    float[] p = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        p[i] = 1f - p[i];
        p[i + 1] = 1f - p[i + 1];
        p[i + 2] = 1f - p[i + 2];
      }
    });
  }

  @Override
  public void threshold(Storage img, int width, int height, float value) {
    float[] p = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        float luma = Math.fma(p[i + 2], 0.114f, Math.fma(p[i], 0.299f, p[i + 1] * 0.587f));
        float v = luma >= value ? 1f : 0f;
        p[i] = v;
        p[i + 1] = v;
        p[i + 2] = v;
      }
    });
  }

  @Override
  public void solarize(Storage img, int width, int height, float threshold) {
    float[] p = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        for (int c = i; c < i + 3; c++) {
          if (p[c] > threshold) {
            p[c] = 1f - p[c];
          }
        }
      }
    });
  }
}
