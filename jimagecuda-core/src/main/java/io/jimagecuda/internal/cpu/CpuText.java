package io.jimagecuda.internal.cpu;

import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.backend.TextOps;

/** CPU twin of {@code text.cu}: the same integer and float steps in the same order. */
final class CpuText implements TextOps {
  private final Rows rows;

  CpuText(Rows rows) {
    this.rows = rows;
  }

  @Override
  public void create(Storage dstF32, Storage maskU8, int width, int height, int fg, int bg) {
    float[] d = ((CpuStorage) dstF32).floats;
    byte[] mask = ((CpuStorage) maskU8).bytes;
    int fr = fg & 0xFF;
    int fgG = (fg >>> 8) & 0xFF;
    int fb = (fg >>> 16) & 0xFF;
    int fa = fg >>> 24;
    int br = bg & 0xFF;
    int bgG = (bg >>> 8) & 0xFF;
    int bb = (bg >>> 16) & 0xFF;
    int ba = bg >>> 24;
    double alphaFactor = fa / 255.0;
    float bgAlpha = ba / 255f;
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width, end = y1 * width; i < end; i++) {
        int m = mask[i] & 0xFF;
        int a = fa >= 255 ? m : (int) (m * alphaFactor);
        int o = i * 4;
        if (ba == 0) {
          d[o] = fr / 255f;
          d[o + 1] = fgG / 255f;
          d[o + 2] = fb / 255f;
          d[o + 3] = a / 255f;
        } else {
          float fa01 = a / 255f;
          float rest = bgAlpha * (1f - fa01);
          float out = fa01 + rest;
          d[o] = over(fr, fa01, br, rest, out) / 255f;
          d[o + 1] = over(fgG, fa01, bgG, rest, out) / 255f;
          d[o + 2] = over(fb, fa01, bb, rest, out) / 255f;
          d[o + 3] = (int) (out * 255f) / 255f;
        }
      }
    });
  }

  /** {@code trunc((f·a + b·rest) / out)} clipped to 0..255 ({@code text_over} in text.cu). */
  private static int over(int f, float a, int b, float rest, float out) {
    float v = (f * a + b * rest) / out;
    int t = (int) v;
    return Math.min(Math.max(t, 0), 255);
  }
}
