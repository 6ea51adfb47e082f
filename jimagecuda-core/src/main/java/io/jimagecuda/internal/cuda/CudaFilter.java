package io.jimagecuda.internal.cuda;

import io.jimagecuda.internal.backend.FilterOps;
import io.jimagecuda.internal.backend.GaussianWeights;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;
import org.jspecify.annotations.Nullable;

/**
 * Launches the kernels of {@code filter.cu}. The blur is two launches on the stream (horizontal pass
 * into {@code temp}, vertical pass into {@code dst}) with the weights passed by value: no copy and no
 * synchronisation per call, and no device allocation when the caller supplies {@code temp}.
 */
final class CudaFilter implements FilterOps {
  /** Outputs per thread along the blur direction ({@code BLUR_RUN} in filter.cu). */
  static final int RUN = 8;
  /** Pixels of one row a warp of the horizontal pass blurs ({@code BLUR_SPAN}). */
  static final int SPAN = 32 * RUN;
  /** Rows (warps) per block of the horizontal pass ({@code BLUR_H_ROWS}). */
  static final int H_ROWS = 4;
  /** Warps per block of the vertical pass ({@code BLUR_V_WARPS}). */
  static final int V_WARPS = 8;
  /** Size of the by-value weight array ({@code struct FilterBlurWeights}). */
  static final int WEIGHTS = GaussianWeights.MAX_RADIUS + 1;
  private static final int FLOAT4 = 16;

  private final CudaBackend cuda;

  CudaFilter(CudaBackend cuda) {
    this.cuda = cuda;
  }

  /**
   * Dynamic shared memory of one horizontal-pass block: per warp, the {@code SPAN + 2·radius + 2} tile
   * columns plus one float4 of padding per 8 ({@code blurSlot} in filter.cu). At most 33 KB (radius
   * 100), within the 48 KB every device allows without opting in.
   */
  static int horizontalSharedBytes(int radius) {
    int last = SPAN + 2 * radius + 1;
    return H_ROWS * (last + (last >> 3) + 1) * FLOAT4;
  }

  @Override
  public void gaussianBlur(Storage dst, Storage src, @Nullable Storage temp, int width, int height,
      float[] weights) {
    if (temp != null) {
      blur(dst, src, temp, width, height, weights);
      return;
    }
    Storage scratch = cuda.allocateForOverwrite(PixelFormat.F32, (long) width * height); // pass 1 fills it
    try {
      blur(dst, src, scratch, width, height, weights);
    } finally {
      scratch.free(); // stream-ordered: after the two passes
    }
  }

  private void blur(Storage dst, Storage src, Storage temp, int width, int height, float[] weights) {
    int radius = weights.length - 1;
    cuda.kernel("filter_gaussian_blur_h", ceilDiv(width, SPAN), ceilDiv(height, H_ROWS), 32, H_ROWS,
            horizontalSharedBytes(radius))
        .ptr(temp).ptr(src).i32(width).i32(height).i32(radius).floats(weights, WEIGHTS).launch();
    cuda.kernel("filter_gaussian_blur", ceilDiv(width, 32), ceilDiv(height, V_WARPS * RUN), 32, V_WARPS, 0)
        .ptr(dst).ptr(temp).i32(width).i32(height).i32(radius).floats(weights, WEIGHTS).launch();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  @Override
  public void sharpen(Storage dst, Storage src, int width, int height, float strength) {
    cuda.kernel("filter_sharpen", width, height).ptr(dst).ptr(src).i32(width).i32(height).f32(strength).launch();
  }

  @Override
  public void sobel(Storage dst, Storage src, int width, int height) {
    cuda.kernel("filter_sobel", width, height).ptr(dst).ptr(src).i32(width).i32(height).launch();
  }

  @Override
  public void emboss(Storage dst, Storage src, int width, int height, float strength) {
    cuda.kernel("filter_emboss", width, height).ptr(dst).ptr(src).i32(width).i32(height).f32(strength).launch();
  }

  @Override
  public void sepia(Storage img, int width, int height, float intensity) {
    cuda.kernel("filter_sepia", width, height).ptr(img).i32(width).i32(height).f32(intensity).launch();
  }

  @Override
  public void invert(Storage img, int width, int height) {
    cuda.kernel("filter_invert", width, height).ptr(img).i32(width).i32(height).launch();
  }

  @Override
  public void threshold(Storage img, int width, int height, float value) {
    cuda.kernel("filter_threshold", width, height).ptr(img).i32(width).i32(height).f32(value).launch();
  }

  @Override
  public void solarize(Storage img, int width, int height, float threshold) {
    cuda.kernel("filter_solarize", width, height).ptr(img).i32(width).i32(height).f32(threshold).launch();
  }
}
