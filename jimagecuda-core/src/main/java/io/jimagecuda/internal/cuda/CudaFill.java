package io.jimagecuda.internal.cuda;

import io.jimagecuda.GradientDirection;
import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.FillOps;
import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.cpu.Px;

/** Launches the kernels of {@code fill.cu}. */
final class CudaFill implements FillOps {
  /** Below 2^23 the stripes' edge widths (period + 1) - period and (band + 1) - (band - 1) are exact. */
  private static final long EXACT_EDGES = 1L << 23;

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
    int code = switch (direction) { // FILL_HORIZONTAL ... FILL_RADIAL in fill.cu
      case HORIZONTAL -> 0;
      case VERTICAL -> 1;
      case DIAGONAL -> 2;
      case RADIAL -> 3;
    };
    cuda.kernel("fill_gradient", width, height).ptr(img).i32(width).i32(height).rgba(rgba1).rgba(rgba2).i32(code)
        .flag(seamless).launch();
  }

  @Override
  public void checkerboard(Storage img, int width, int height, int size, Rgba color1, Rgba color2, int offsetX,
      int offsetY) {
    cuda.kernel("fill_checkerboard", width, height).ptr(img).i32(width).i32(height).i32(size).rgba(color1)
        .rgba(color2).i32(offsetX).i32(offsetY).launch();
  }

  @Override
  public void grid(Storage img, int width, int height, int spacing, int lineWidth, Rgba color, Rgba bgColor,
      int offsetX, int offsetY) {
    cuda.kernel("fill_grid", width, height).ptr(img).i32(width).i32(height).i32(spacing).i32(lineWidth)
        .rgba(color).rgba(bgColor).i32(offsetX).i32(offsetY).launch();
  }

  @Override
  public void stripes(Storage img, int width, int height, float angle, int spacing, int stripeWidth, Rgba color1,
      Rgba color2, int offset) {
    float theta = Px.radians(angle);
    boolean unitEdges = spacing < EXACT_EDGES && Math.abs((long) stripeWidth) < EXACT_EDGES;
    cuda.kernel("fill_stripes", width, height).ptr(img).i32(width).i32(height).f32(Px.cosf(theta))
        .f32(Px.sinf(theta)).i32(spacing).i32(stripeWidth).rgba(color1).rgba(color2).i32(offset).flag(unitEdges)
        .launch();
  }

  @Override
  public void dots(Storage img, int width, int height, int spacing, float radius, Rgba color, Rgba bgColor,
      int offsetX, int offsetY, float softness) {
    cuda.kernel("fill_dots", width, height).ptr(img).i32(width).i32(height).i32(spacing).f32(radius).rgba(color)
        .rgba(bgColor).i32(offsetX).i32(offsetY).f32(softness).launch();
  }

  @Override
  public void circle(Storage img, int width, int height, Rgba color, Rgba bgColor, float softness) {
    cuda.kernel("fill_circle", width, height).ptr(img).i32(width).i32(height).rgba(color).rgba(bgColor)
        .f32(softness).launch();
  }

  @Override
  public void noise(Storage img, int width, int height, float seed, boolean monochrome) {
    cuda.kernel("fill_noise", width, height).ptr(img).i32(width).i32(height).f32(seed).flag(monochrome).launch();
  }

  @Override
  public void perlin(Storage img, int width, int height, float scale, float seed, int octaves, float persistence,
      float lacunarity, float offsetX, float offsetY, Rgba color1, Rgba color2) {
    cuda.kernel("fill_perlin", width, height).ptr(img).i32(width).i32(height).f32(scale).f32(seed).i32(octaves)
        .f32(persistence).f32(lacunarity).f32(offsetX).f32(offsetY).rgba(color1).rgba(color2).launch();
  }

  @Override
  public void ngon(Storage img, int width, int height, int sides, Rgba color, Rgba bgColor, float rotation,
      float softness) {
    float r = Px.fminf(width, height) / 2f;
    float rho = Px.radians(rotation);
    float slice = (float) (Math.PI * 2.0 / (float) sides);
    float cosHalfSlice = Px.cosf((float) (Math.PI / (float) sides));
    float e = softness > 0f ? softness * r : 0.5f;
    cuda.kernel("fill_ngon", width, height).ptr(img).i32(width).i32(height).rgba(color).rgba(bgColor)
        .f32(Px.cosf(-rho)).f32(Px.sinf(-rho)).f32(slice).f32(cosHalfSlice).f32((float) width / 2f)
        .f32((float) height / 2f).f32(r).f32(e).launch();
  }
}
