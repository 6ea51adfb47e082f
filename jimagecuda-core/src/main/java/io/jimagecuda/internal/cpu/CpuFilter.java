package io.jimagecuda.internal.cpu;

import io.jimagecuda.internal.backend.FilterOps;
import io.jimagecuda.internal.backend.Storage;
import org.jspecify.annotations.Nullable;

/**
 * CPU twin of {@code filter.cu}: the same float operations in the same order ({@code Math.fma} wherever
 * the kernel calls {@code fmaf}), so both backends give the same bits.
 *
 * <p><b>Blur.</b> Separable, with no per-pixel branch and no per-pixel object, in blocks of at most
 * {@value #BLOCK} floats (256 pixels, all four channels) that stay in L1. The horizontal pass blurs a copy
 * of each row padded with {@code radius} edge pixels on both sides (the clamp-to-edge border); for each
 * tap it first copies the two operand blocks into scratch arrays, so that the accumulation loop indexes
 * every array with the same index: that is the loop shape HotSpot's C2 (JDK 17) turns into vector FMAs
 * (with operands at different offsets of one array it stays scalar, about 3× slower). The vertical pass
 * keeps the {@code 2·radius + 1} rows it needs as separate arrays in a ring (a sliding set of rows), so
 * its loops have that shape without copies.
 *
 * <p>When {@code dst} is not {@code src} and the threads' row ranges are long compared with the radius,
 * the passes are fused: each thread blurs its rows horizontally straight into its ring and never writes
 * {@code temp}, which halves the memory traffic (a range redoes the {@code 2·radius} rows it shares with
 * its neighbours). Otherwise (in place, or a radius too large for the fusion to pay) the horizontal pass
 * writes {@code temp} (a heap array when none is given) and the vertical pass fills its ring from it in
 * column strips.
 */
final class CpuFilter implements FilterOps {
  /** Floats per block (a multiple of 4). */
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
  public void gaussianBlur(Storage dst, Storage src, @Nullable Storage temp, int width, int height,
      float[] weights) {
    float[] s = floats(src);
    float[] d = floats(dst);
    int radius = weights.length - 1;
    int stride = width * 4;
    int parts = Math.min(rows.threads(), height);
    if (d != s && 2L * radius * (parts - 1) <= height / 4) {
      rows.run(width, height, parts, (y0, y1) -> fused(s, d, y0, y1, stride, height, weights));
      return;
    }
    float[] t = temp != null ? floats(temp) : new float[stride * height];
    rows.run(width, height, (y0, y1) -> {
      Horizontal h = new Horizontal(stride, weights);
      for (int y = y0; y < y1; y++) {
        h.blur(s, y * stride, t, y * stride);
      }
    });
    rows.run(width, height, (y0, y1) -> {
      int n = 2 * radius + 1;
      float[][] ring = new float[Math.min(n, height)][BLOCK]; // row q < height sits at q % n
      float[] acc = new float[BLOCK];
      for (int c0 = 0; c0 < stride; c0 += BLOCK) {
        int len = Math.min(BLOCK, stride - c0);
        int next = Math.max(0, y0 - radius);
        for (int y = y0; y < y1; y++) {
          for (int last = Math.min(height - 1, y + radius); next <= last; next++) {
            System.arraycopy(t, next * stride + c0, ring[next % n], 0, len);
          }
          vertical(ring, y, height, acc, 0, len, weights);
          System.arraycopy(acc, 0, d, y * stride + c0, len);
        }
      }
    });
  }

  /** Rows {@code y0..y1} of the blur, both passes, through a ring of horizontally blurred full rows. */
  private static void fused(float[] s, float[] d, int y0, int y1, int stride, int height, float[] weights) {
    int radius = weights.length - 1;
    int n = 2 * radius + 1;
    Horizontal h = new Horizontal(stride, weights);
    float[][] ring = new float[Math.min(n, height)][];
    float[] acc = new float[stride];
    int next = Math.max(0, y0 - radius);
    for (int y = y0; y < y1; y++) {
      for (int last = Math.min(height - 1, y + radius); next <= last; next++) {
        int slot = next % n;
        if (ring[slot] == null) {
          ring[slot] = new float[stride];
        }
        h.blur(s, next * stride, ring[slot], 0);
      }
      for (int c0 = 0; c0 < stride; c0 += BLOCK) {
        vertical(ring, y, height, acc, c0, Math.min(stride, c0 + BLOCK), weights);
      }
      System.arraycopy(acc, 0, d, y * stride, stride);
    }
  }

  /**
   * The vertical pass for output row {@code y}, floats {@code from..to}: {@code acc = w0·H(y)}, then
   * {@code fma(H(y − i) + H(y + i), w_i, acc)} with rows clamped to the image. Row {@code q} is
   * {@code ring[q % (2·radius + 1)]}; the ring holds rows {@code y − radius .. y + radius} (clamped).
   */
  private static void vertical(float[][] ring, int y, int height, float[] acc, int from, int to, float[] w) {
    int n = 2 * (w.length - 1) + 1;
    float[] c = ring[y % n];
    float w0 = w[0];
    for (int j = from; j < to; j++) {
      acc[j] = c[j] * w0;
    }
    for (int i = 1; i < w.length; i++) {
      float[] up = ring[Math.max(y - i, 0) % n];
      float[] down = ring[Math.min(y + i, height - 1) % n];
      float wi = w[i];
      for (int j = from; j < to; j++) {
        acc[j] = Math.fma(up[j] + down[j], wi, acc[j]);
      }
    }
  }

  /** One thread's horizontal pass: a padded row and the scratch blocks of a tap. */
  private static final class Horizontal {
    private final float[] w;
    private final int stride;
    private final int pad;
    private final float[] padded;
    private final float[] left = new float[BLOCK];
    private final float[] right = new float[BLOCK];
    private final float[] acc = new float[BLOCK];

    Horizontal(int stride, float[] weights) {
      this.w = weights;
      this.stride = stride;
      this.pad = 4 * (weights.length - 1);
      this.padded = new float[stride + 2 * pad];
    }

    /** Blurs the row at {@code src[from..]} into {@code out[to..]}. */
    void blur(float[] src, int from, float[] out, int to) {
      System.arraycopy(src, from, padded, pad, stride);
      for (int p = 0; p < pad; p += 4) {
        System.arraycopy(src, from, padded, p, 4);
        System.arraycopy(src, from + stride - 4, padded, pad + stride + p, 4);
      }
      float[] x = left;
      float[] y = right;
      float[] a = acc;
      for (int c0 = 0; c0 < stride; c0 += BLOCK) {
        int n = Math.min(BLOCK, stride - c0);
        int centre = pad + c0;
        System.arraycopy(padded, centre, x, 0, n);
        float w0 = w[0];
        for (int j = 0; j < n; j++) {
          a[j] = x[j] * w0;
        }
        for (int i = 1; i < w.length; i++) {
          System.arraycopy(padded, centre - 4 * i, x, 0, n); // i pixels to the left
          System.arraycopy(padded, centre + 4 * i, y, 0, n); // and to the right
          float wi = w[i];
          for (int j = 0; j < n; j++) {
            a[j] = Math.fma(x[j] + y[j], wi, a[j]);
          }
        }
        System.arraycopy(a, 0, out, to + c0, n);
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
