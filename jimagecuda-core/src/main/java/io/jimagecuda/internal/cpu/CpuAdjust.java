package io.jimagecuda.internal.cpu;

import io.jimagecuda.internal.backend.AdjustOps;
import io.jimagecuda.internal.backend.AdjustParams;
import io.jimagecuda.internal.backend.Storage;

/**
 * CPU twin of {@code adjust.cu}: the same formulas in the same float order, {@link Math#fma} where the
 * kernels call {@code fmaf}, the same HSV helpers ({@link Px#rgbToHsv}, {@link Px#hsvToRgb}), so that every
 * op but gamma gives the kernel's bits. Gamma uses {@link Math#pow} rounded to float, within 3 ulp of
 * CUDA's {@code powf}.
 */
final class CpuAdjust implements AdjustOps {
  private final Rows rows;

  CpuAdjust(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage img) {
    return ((CpuStorage) img).floats;
  }

  @Override
  public void brightness(Storage img, int width, int height, float factor) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        d[i] = Px.clampA(d[i] + factor);
        d[i + 1] = Px.clampA(d[i + 1] + factor);
        d[i + 2] = Px.clampA(d[i + 2] + factor);
      }
    });
  }

  @Override
  public void contrast(Storage img, int width, int height, float factor) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        d[i] = Px.clampA(Math.fma(d[i] - 0.5f, factor, 0.5f));
        d[i + 1] = Px.clampA(Math.fma(d[i + 1] - 0.5f, factor, 0.5f));
        d[i + 2] = Px.clampA(Math.fma(d[i + 2] - 0.5f, factor, 0.5f));
      }
    });
  }

  @Override
  public void saturation(Storage img, int width, int height, float factor) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        float r = d[i];
        float g = d[i + 1];
        float b = d[i + 2];
        float l = Math.fma(b, 0.114f, Math.fma(r, 0.299f, g * 0.587f));
        d[i] = Px.clampA(Math.fma(r - l, factor, l));
        d[i + 1] = Px.clampA(Math.fma(g - l, factor, l));
        d[i + 2] = Px.clampA(Math.fma(b - l, factor, l));
      }
    });
  }

  @Override
  public void gamma(Storage img, int width, int height, float gamma) {
    float[] d = floats(img);
    double inv = AdjustParams.inverse(gamma);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        d[i] = (float) Math.pow(Px.fmaxf(0f, d[i]), inv);
        d[i + 1] = (float) Math.pow(Px.fmaxf(0f, d[i + 1]), inv);
        d[i + 2] = (float) Math.pow(Px.fmaxf(0f, d[i + 2]), inv);
      }
    });
  }

  @Override
  public void opacity(Storage img, int width, int height, float factor) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4 + 3, end = y1 * width * 4; i < end; i += 4) {
        d[i] = Px.clampA(d[i] * factor);
      }
    });
  }

  @Override
  public void vibrance(Storage img, int width, int height, float amount) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      float[] hsv = new float[3];
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        Px.rgbToHsv(d[i], d[i + 1], d[i + 2], hsv, 0);
        float h = hsv[0];
        float s = hsv[1];
        if (s < 0.001f) {
          continue;
        }
        float boost = amount * (1f - s) * s;
        float k = (h >= 0f && h <= 50f) || (h >= 330f && h <= 360f) ? 0.3f : 1f;
        Px.hsvToRgb(h, Px.clampA(Math.fma(boost, k, s)), hsv[2], d, i);
      }
    });
  }

  @Override
  public void hue(Storage img, int width, int height, float degrees) {
    float[] d = floats(img);
    float shift = AdjustParams.hueShift(degrees);
    rows.run(width, height, (y0, y1) -> {
      float[] hsv = new float[3];
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        Px.rgbToHsv(d[i], d[i + 1], d[i + 2], hsv, 0);
        float h = (hsv[0] + shift) % 360f;
        if (h < 0f) {
          h += 360f;
        }
        Px.hsvToRgb(h, hsv[1], hsv[2], d, i);
      }
    });
  }
}
