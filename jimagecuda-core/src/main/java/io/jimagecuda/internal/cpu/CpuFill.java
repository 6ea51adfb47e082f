package io.jimagecuda.internal.cpu;

import io.jimagecuda.GradientDirection;
import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.FillOps;
import io.jimagecuda.internal.backend.Storage;

/** CPU twin of {@code fill.cu}. */
final class CpuFill implements FillOps {
  private final Rows rows;

  CpuFill(Rows rows) {
    this.rows = rows;
  }

  @Override
  public void color(Storage img, int width, int height, Rgba c) {
    float[] d = ((CpuStorage) img).floats;
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        d[i] = c.r();
        d[i + 1] = c.g();
        d[i + 2] = c.b();
        d[i + 3] = c.a();
      }
    });
  }

  @Override
  public void gradient(Storage img, int width, int height, Rgba rgba1, Rgba rgba2, GradientDirection direction,
      boolean seamless) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void checkerboard(Storage img, int width, int height, int size, Rgba color1, Rgba color2, int offsetX,
      int offsetY) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void grid(Storage img, int width, int height, int spacing, int lineWidth, Rgba color, Rgba bgColor,
      int offsetX, int offsetY) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void stripes(Storage img, int width, int height, float angle, int spacing, int stripeWidth, Rgba color1,
      Rgba color2, int offset) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void dots(Storage img, int width, int height, int spacing, float radius, Rgba color, Rgba bgColor,
      int offsetX, int offsetY, float softness) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void circle(Storage img, int width, int height, Rgba color, Rgba bgColor, float softness) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void noise(Storage img, int width, int height, float seed, boolean monochrome) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void perlin(Storage img, int width, int height, float scale, float seed, int octaves, float persistence,
      float lacunarity, float offsetX, float offsetY, Rgba color1, Rgba color2) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void ngon(Storage img, int width, int height, int sides, Rgba color, Rgba bgColor, float rotation,
      float softness) {
    throw new UnsupportedOperationException("TODO");
  }
}
