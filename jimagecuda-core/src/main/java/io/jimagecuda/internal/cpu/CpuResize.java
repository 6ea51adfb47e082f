package io.jimagecuda.internal.cpu;

import io.jimagecuda.internal.backend.ResizeOps;
import io.jimagecuda.internal.backend.Storage;

/**
 * CPU twin of {@code resize.cu}. The source coordinate of an output column depends only on x and that
 * of a row only on y, so each call computes per column (once) and per row (once) what the kernels compute
 * per pixel: tap indices, fractions and weights, with the same {@link Px} functions, so every pixel gets
 * the kernel's bits.
 */
final class CpuResize implements ResizeOps {
  private final Rows rows;

  CpuResize(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage s) {
    return ((CpuStorage) s).floats;
  }

  /** Source coordinates of the {@code n} output columns (rows) of a resize from {@code srcSize} to {@code n}. */
  private static float[] coords(int n, int srcSize) {
    float scale = (float) srcSize / (float) n;
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      c[i] = Px.resizeCoord(i, scale);
    }
    return c;
  }

  @Override
  public void nearest(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    float[] d = floats(dst);
    float[] s = floats(src);
    float[] cx = coords(dw, sw);
    float[] cy = coords(dh, sh);
    int[] xs = new int[dw];
    for (int x = 0; x < dw; x++) {
      xs[x] = Px.nearestIndex(cx[x], sw) * 4;
    }
    rows.run(dw, dh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int row = Px.nearestIndex(cy[y], sh) * sw * 4;
        for (int x = 0, di = y * dw * 4; x < dw; x++, di += 4) {
          int si = row + xs[x];
          d[di] = s[si];
          d[di + 1] = s[si + 1];
          d[di + 2] = s[si + 2];
          d[di + 3] = s[si + 3];
        }
      }
    });
  }

  @Override
  public void bilinear(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    float[] d = floats(dst);
    float[] s = floats(src);
    float[] cx = coords(dw, sw);
    float[] cy = coords(dh, sh);
    int[] x0 = new int[dw];
    int[] x1 = new int[dw];
    float[] fx = new float[dw];
    for (int x = 0; x < dw; x++) {
      float c = Px.fmaxf(0f, Px.fminf(cx[x], (float) (sw - 1)));
      x0[x] = (int) c;
      x1[x] = Math.min(x0[x] + 1, sw - 1);
      fx[x] = c - (float) x0[x];
    }
    rows.run(dw, dh, (ya, yb) -> {
      for (int y = ya; y < yb; y++) {
        float c = Px.fmaxf(0f, Px.fminf(cy[y], (float) (sh - 1)));
        int y0 = (int) c;
        int y1 = Math.min(y0 + 1, sh - 1);
        float fy = c - (float) y0;
        for (int x = 0, di = y * dw * 4; x < dw; x++, di += 4) {
          Px.bilinear(s, sw, x0[x], x1[x], fx[x], y0, y1, fy, d, di);
        }
      }
    });
  }

  @Override
  public void bicubic(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    window(dst, dw, dh, src, sw, sh, 4);
  }

  @Override
  public void lanczos(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    window(dst, dw, dh, src, sw, sh, 6);
  }

  /** Bicubic ({@code n = 4}) or Lanczos ({@code n = 6}) with per-column and per-row tap weights. */
  private void window(Storage dst, int dw, int dh, Storage src, int sw, int sh, int n) {
    float[] d = floats(dst);
    float[] s = floats(src);
    int[] firstX = new int[dw];
    float[] wx = new float[dw * n];
    taps(coords(dw, sw), n, firstX, wx);
    int[] firstY = new int[dh];
    float[] wy = new float[dh * n];
    taps(coords(dh, sh), n, firstY, wy);
    boolean clamp = n == 6;
    rows.run(dw, dh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        for (int x = 0, di = y * dw * 4; x < dw; x++, di += 4) {
          Px.window(s, sw, sh, firstX[x], firstY[y], n, wx, x * n, wy, y * n, clamp, d, di);
        }
      }
    });
  }

  /** First tap and weights of each coordinate, as {@link Px#sampleBicubic} / {@link Px#sampleLanczos} compute them. */
  private static void taps(float[] coords, int n, int[] first, float[] weights) {
    for (int k = 0; k < coords.length; k++) {
      float c = coords[k];
      if (n == 4) {
        int i0 = (int) Math.floor(c);
        float f = c - (float) i0;
        first[k] = i0 - 1;
        for (int i = 0; i < 4; i++) {
          weights[k * 4 + i] = Px.cubicWeight((float) (i - 1) - f);
        }
      } else {
        int i0 = Px.lanczosFirst(c);
        first[k] = i0;
        for (int i = 0; i < 6; i++) {
          weights[k * 6 + i] = Px.lanczosWeight(c - (float) (i0 + i));
        }
      }
    }
  }
}
