package io.jimagecuda.internal.cuda;

import io.jimagecuda.GradientDirection;
import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.FillOps;
import io.jimagecuda.internal.backend.Storage;

/** Launches the kernels of {@code fill.cu}. */
final class CudaFill implements FillOps {
  private final CudaBackend cuda;

  CudaFill(CudaBackend cuda) {
    this.cuda = cuda;
  }

  @Override
  public void color(Storage img, int width, int height, Rgba rgba) {
    cuda.kernel("fill_color", width, height).ptr(img).i32(width).i32(height).rgba(rgba).launch();
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
