package io.jimagecuda.internal.cpu;

import io.jimagecuda.MaskMode;
import io.jimagecuda.internal.backend.BlendOps;
import io.jimagecuda.internal.backend.Storage;

/**
 * CPU twin of {@code blend.cu}: the same operations in the same order, {@link Math#fma} where the kernels
 * call {@code fmaf}, so both backends give the same bits. Each op loops over the rows of the part of the
 * layer that lies on the base only.
 */
final class CpuBlend implements BlendOps {
  /** The mode code of {@code blend_normal} (BLEND_NORMAL in blend.cu), for {@link #over}. */
  static final int NORMAL = 0;
  private static final int MULTIPLY = 1;
  private static final int SCREEN = 2;
  private static final int ADD = 3;
  private static final int OVERLAY = 4;
  private static final int SOFT_LIGHT = 5;
  private static final int HARD_LIGHT = 6;

  private final Rows rows;

  CpuBlend(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage img) {
    return ((CpuStorage) img).floats;
  }

  /** {@code B(b, s)} of {@code mode}, rounded as {@code blend_function} in blend.cu. */
  private static float function(int mode, float b, float s) {
    switch (mode) {
      case MULTIPLY:
        return b * s;
      case SCREEN:
        return Math.fma(-(1f - b), 1f - s, 1f);
      case ADD:
        return Px.fminf(b + s, 1f);
      case OVERLAY:
        return b < 0.5f ? (b + b) * s : Math.fma((1f - b) * -2f, 1f - s, 1f);
      case SOFT_LIGHT: {
        float s2 = s + s;
        return Math.fma(b, s2, (b * (1f - s2)) * b);
      }
      case HARD_LIGHT:
        return s < 0.5f ? (s + s) * b : Math.fma((1f - s) * -2f, 1f - b, 1f);
      default:
        return s;
    }
  }

  /** Multiply, screen and add weight the base by one product {@code ab·(1 − as)}, computed once. */
  private static boolean sharedFactor(int mode) {
    return mode == MULTIPLY || mode == SCREEN || mode == ADD;
  }

  /** One output channel, as {@code blend_channel} in blend.cu. */
  private static float channel(int mode, float b, float s, float ab, float as, float k, float bf, float inv) {
    float blended = function(mode, b, s);
    if (mode != NORMAL) {
      blended = Px.mix2(s, blended, ab);
    }
    float below = sharedFactor(mode) ? b * bf : (b * ab) * k;
    return Math.fma(blended, as, below) * inv;
  }

  private void composite(int mode, Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    int x0 = Math.max(0, px);
    int y0 = Math.max(0, py);
    int x1 = (int) Math.min(bw, (long) px + lw);
    int y1 = (int) Math.min(bh, (long) py + lh);
    if (x0 >= x1 || y0 >= y1) {
      return;
    }
    float[] d = floats(base);
    float[] l = floats(layer);
    rows.run(x1 - x0, y1 - y0, (r0, r1) -> {
      for (int by = y0 + r0; by < y0 + r1; by++) {
        int bi = (by * bw + x0) * 4;
        int li = ((by - py) * lw + (x0 - px)) * 4;
        for (int x = x0; x < x1; x++, bi += 4, li += 4) {
          // Layer channels are read before the base pixel is written (base may be the layer itself).
          over(mode, d, bi, l[li], l[li + 1], l[li + 2], l[li + 3], opacity);
        }
      }
    });
  }

  /**
   * One composited pixel, as {@code blend_over} in blend.cu: the layer pixel {@code (sr, sg, sb, sa)}, its
   * alpha scaled by {@code opacity}, over the base pixel {@code d[bi..bi+3]}, which receives the result.
   * The blends run it per covered pixel; ops that composite inside their own loops (the drop shadow) call
   * it with {@link #NORMAL} and opacity 1, so their compositing is the normal blend's to the last bit.
   */
  static void over(int mode, float[] d, int bi, float sr, float sg, float sb, float sa, float opacity) {
    float ab = d[bi + 3];
    float as = sa * opacity;
    float k = 1f - as;
    float bf = ab * k;
    float ao = sharedFactor(mode) ? as + bf : Math.fma(ab, k, as);
    if (ao > 1e-6f) {
      float inv = 1f / ao;
      d[bi] = channel(mode, d[bi], sr, ab, as, k, bf, inv);
      d[bi + 1] = channel(mode, d[bi + 1], sg, ab, as, k, bf, inv);
      d[bi + 2] = channel(mode, d[bi + 2], sb, ab, as, k, bf, inv);
    } else {
      d[bi] = 0f;
      d[bi + 1] = 0f;
      d[bi + 2] = 0f;
    }
    d[bi + 3] = ao;
  }

  @Override
  public void normal(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity) {
    composite(NORMAL, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void multiply(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite(MULTIPLY, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void screen(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity) {
    composite(SCREEN, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void add(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity) {
    composite(ADD, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void overlay(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite(OVERLAY, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void softLight(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite(SOFT_LIGHT, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void hardLight(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite(HARD_LIGHT, base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  /** Rec.601 luma as {@code blend_luma} in blend.cu: red and blue products fused, green rounded. */
  private static float luma(float r, float g, float b) {
    return Math.fma(b, 0.114f, Math.fma(r, 0.299f, g * 0.587f));
  }

  @Override
  public void mask(Storage base, int bw, int bh, Storage mask, int mw, int mh, int px, int py, MaskMode mode) {
    int x0 = Math.max(0, px);
    int y0 = Math.max(0, py);
    int x1 = (int) Math.min(bw, (long) px + mw);
    int y1 = (int) Math.min(bh, (long) py + mh);
    if (x0 >= x1 || y0 >= y1) {
      return;
    }
    float[] d = floats(base);
    float[] m = floats(mask);
    boolean luminance = mode == MaskMode.LUMINANCE;
    rows.run(x1 - x0, y1 - y0, (r0, r1) -> {
      for (int by = y0 + r0; by < y0 + r1; by++) {
        int bi = (by * bw + x0) * 4;
        int mi = ((by - py) * mw + (x0 - px)) * 4;
        for (int x = x0; x < x1; x++, bi += 4, mi += 4) {
          float k = luminance ? luma(m[mi], m[mi + 1], m[mi + 2]) * m[mi + 3] : m[mi + 3];
          d[bi + 3] = d[bi + 3] * k;
        }
      }
    });
  }
}
