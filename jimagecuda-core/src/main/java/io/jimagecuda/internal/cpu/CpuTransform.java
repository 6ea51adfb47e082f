package io.jimagecuda.internal.cpu;

import io.jimagecuda.FlipDirection;
import io.jimagecuda.Interpolation;
import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.backend.TransformOps;
import java.util.Arrays;

/** CPU twin of {@code transform.cu}: the same mappings and the same {@link Px} samplers. */
final class CpuTransform implements TransformOps {
  private final Rows rows;

  CpuTransform(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage s) {
    return ((CpuStorage) s).floats;
  }

  @Override
  public void flip(Storage dst, Storage src, int w, int h, FlipDirection direction) {
    float[] d = floats(dst);
    float[] s = floats(src);
    boolean flipX = direction != FlipDirection.VERTICAL;
    boolean flipY = direction != FlipDirection.HORIZONTAL;
    rows.run(w, h, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int srcRow = (flipY ? h - 1 - y : y) * w * 4;
        int di = y * w * 4;
        if (!flipX) {
          System.arraycopy(s, srcRow, d, di, w * 4);
          continue;
        }
        for (int x = 0, si = srcRow + (w - 1) * 4; x < w; x++, di += 4, si -= 4) {
          d[di] = s[si];
          d[di + 1] = s[si + 1];
          d[di + 2] = s[si + 2];
          d[di + 3] = s[si + 3];
        }
      }
    });
  }

  @Override
  public void rotate(Storage dst, int dw, int dh, Storage src, int sw, int sh, int quarterTurns, int offsetX,
      int offsetY, float cos, float sin, Interpolation interpolation) {
    if (quarterTurns != 0) {
      rotateQuarter(floats(dst), dw, dh, floats(src), sw, sh, quarterTurns, offsetX, offsetY);
    } else {
      rotateAny(floats(dst), dw, dh, floats(src), sw, sh, cos, sin, interpolation);
    }
  }

  private void rotateQuarter(float[] d, int dw, int dh, float[] s, int sw, int sh, int turns, int offX, int offY) {
    int rotW = turns == 2 ? sw : sh;
    int rotH = turns == 2 ? sh : sw;
    rows.run(dw, dh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int ry = y - offY;
        for (int x = 0, di = y * dw * 4; x < dw; x++, di += 4) {
          int rx = x - offX;
          if (rx < 0 || ry < 0 || rx >= rotW || ry >= rotH) {
            Arrays.fill(d, di, di + 4, 0f);
            continue;
          }
          int sx;
          int sy;
          if (turns == 1) {
            sx = ry;
            sy = sh - 1 - rx;
          } else if (turns == 2) {
            sx = sw - 1 - rx;
            sy = sh - 1 - ry;
          } else {
            sx = sw - 1 - ry;
            sy = rx;
          }
          Px.copyPixel(s, sx, sy, sw, d, di);
        }
      }
    });
  }

  private void rotateAny(float[] d, int dw, int dh, float[] s, int sw, int sh, float cs, float sn,
      Interpolation interpolation) {
    float dcx = (float) dw / 2f - 0.5f;
    float dcy = (float) dh / 2f - 0.5f;
    float scx = (float) sw / 2f - 0.5f;
    float scy = (float) sh / 2f - 0.5f;
    float maxX = (float) sw - 0.5f;
    float maxY = (float) sh - 0.5f;
    rows.run(dw, dh, (y0, y1) -> {
      float[] weights = new float[12];
      for (int y = y0; y < y1; y++) {
        float dy = (float) y - dcy;
        for (int x = 0, di = y * dw * 4; x < dw; x++, di += 4) {
          float dx = (float) x - dcx;
          float sx = Math.fma(dx, cs, dy * sn) + scx;
          float sy = Math.fma(dy, cs, -(dx * sn)) + scy;
          if (sx > -0.5f && sx < maxX && sy > -0.5f && sy < maxY) {
            sample(interpolation, s, sw, sh, sx, sy, weights, d, di);
          } else {
            Arrays.fill(d, di, di + 4, 0f);
          }
        }
      }
    });
  }

  private static void sample(Interpolation interpolation, float[] s, int sw, int sh, float sx, float sy,
      float[] weights, float[] d, int di) {
    switch (interpolation) {
      case NEAREST -> Px.sampleNearest(s, sw, sh, sx, sy, d, di);
      case BILINEAR -> Px.sampleBilinear(s, sw, sh, sx, sy, d, di);
      case BICUBIC -> Px.sampleBicubic(s, sw, sh, sx, sy, weights, d, di);
      case LANCZOS -> Px.sampleLanczos(s, sw, sh, sx, sy, weights, d, di);
    }
  }

  @Override
  public void crop(Storage dst, int dw, int dh, Storage src, int sw, int sh, int x, int y) {
    float[] d = floats(dst);
    float[] s = floats(src);
    // Output columns [i0, i1) read source columns [i0 + x, i1 + x); the rest is transparent.
    int i0 = (int) Math.min(dw, Math.max(0L, -(long) x));
    int i1 = (int) Math.max(i0, Math.min(dw, (long) sw - x));
    rows.run(dw, dh, (y0, y1) -> {
      for (int j = y0; j < y1; j++) {
        int di = j * dw * 4;
        long sy = (long) j + y;
        if (sy < 0 || sy >= sh || i0 == i1) {
          Arrays.fill(d, di, di + dw * 4, 0f);
          continue;
        }
        Arrays.fill(d, di, di + i0 * 4, 0f);
        System.arraycopy(s, (int) ((sy * sw + i0 + x) * 4), d, di + i0 * 4, (i1 - i0) * 4);
        Arrays.fill(d, di + i1 * 4, di + dw * 4, 0f);
      }
    });
  }

  @Override
  public void zoom(Storage dst, int dw, int dh, Storage src, int sw, int sh, float viewX, float viewY,
      float viewWidth, float viewHeight, Interpolation interpolation) {
    float[] d = floats(dst);
    float[] s = floats(src);
    rows.run(dw, dh, (y0, y1) -> {
      float[] weights = new float[12];
      for (int y = y0; y < y1; y++) {
        float sy = Math.fma((float) y / (float) dh, viewHeight, viewY);
        boolean rowInside = sy >= 0f && sy < (float) sh;
        for (int x = 0, di = y * dw * 4; x < dw; x++, di += 4) {
          float sx = Math.fma((float) x / (float) dw, viewWidth, viewX);
          if (rowInside && sx >= 0f && sx < (float) sw) {
            sample(interpolation, s, sw, sh, sx, sy, weights, d, di);
          } else {
            Arrays.fill(d, di, di + 4, 0f);
          }
        }
      }
    });
  }
}
