package io.jimagecuda.internal.cuda;

import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import io.jimagecuda.internal.Placement;
import io.jimagecuda.internal.backend.EffectOps;
import io.jimagecuda.internal.backend.JumpFlood;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;
import org.jspecify.annotations.Nullable;

/**
 * Launches the kernels of {@code effect.cu}. The stroke is {@code effect_stroke_seed}, one
 * {@code effect_stroke_jump} per pass with a step above {@link JumpFlood#TILE_STEPS_FROM}, and
 * {@code effect_stroke}, which runs the remaining passes in shared memory and composites; all on the
 * backend's stream, no allocation, no synchronisation. The drop shadow is three steps:
 * {@code effect_drop_shadow_silhouette} (the image's alpha onto the shadow canvas), the filters' blur in
 * place on the canvas ({@link CudaFilter#gaussianBlur}, two launches) and {@code effect_drop_shadow}
 * (colour, shadow and image composited into the result in one pass); the only allocations are the
 * scratch buffers the caller did not supply, from the stream-ordered pool.
 */
final class CudaEffect implements EffectOps {
  /** Output tile side of {@code effect_stroke} ({@code STROKE_TILE} in effect.cu). */
  private static final int STROKE_TILE = 32;

  private final CudaBackend cuda;

  CudaEffect(CudaBackend cuda) {
    this.cuda = cuda;
  }

  @Override
  public void roundedCorners(Storage img, int width, int height, float radius) {
    cuda.kernel("effect_rounded_corners", width, height).ptr(img).i32(width).i32(height).f32(radius).launch();
  }

  @Override
  public void vignette(Storage img, int width, int height, float radius, float softness, Rgba color) {
    cuda.kernel("effect_vignette", width, height).ptr(img).i32(width).i32(height).f32(radius).f32(softness)
        .rgba(color).launch();
  }

  @Override
  public void stroke(Storage dst, int ow, int oh, Storage src, int sw, int sh, Storage distance, int offsetX,
      int offsetY, int strokeWidth, Rgba color, StrokePosition position) {
    long planeA = ((CudaStorage) distance).ptr();
    long planeB = planeA + 4L * ow * oh;
    cuda.kernel("effect_stroke_seed", ow, oh).ptr(src).i32(sw).i32(sh).ptr(planeA).i32(ow).i32(oh).i32(offsetX)
        .i32(offsetY).launch();
    long cur = planeA;
    long next = planeB;
    int firstFused = 0;
    for (int step : JumpFlood.steps(ow, oh)) {
      if (step <= JumpFlood.TILE_STEPS_FROM) {
        firstFused = step;
        break;
      }
      cuda.kernel("effect_stroke_jump", ow, oh).ptr(cur).ptr(next).i32(ow).i32(oh).i32(step).launch();
      long t = cur;
      cur = next;
      next = t;
    }
    // The steps are powers of two followed by an extra 1: from the first fused step on, the kernel runs
    // firstFused, firstFused / 2, ..., 1, 1. A 1-pixel canvas has the extra pass only (firstStep 0).
    int firstStep = ow == 1 && oh == 1 ? 0 : firstFused;
    cuda.kernelBlocks("effect_stroke", (ow + STROKE_TILE - 1) / STROKE_TILE, (oh + STROKE_TILE - 1) / STROKE_TILE)
        .ptr(src).i32(sw).i32(sh).ptr(cur).ptr(dst).i32(ow).i32(oh).i32(offsetX).i32(offsetY)
        .f32(strokeWidth).rgba(color).flag(position == StrokePosition.INSIDE).i32(firstStep).launch();
  }

  @Override
  public void chromaKey(Storage img, int width, int height, float keyR, float keyG, float keyB, float threshold,
      float smoothness, float spillSuppression) {
    cuda.kernel("effect_chroma_key", width, height).ptr(img).i32(width).i32(height).f32(keyR).f32(keyG)
        .f32(keyB).f32(threshold).f32(smoothness).f32(spillSuppression).launch();
  }

  @Override
  public void dropShadow(Storage dst, int ow, int oh, Storage src, int sw, int sh, int imageX, int imageY,
      @Nullable Storage shadow, @Nullable Storage temp, int shadowX, int shadowY, float[] weights, Rgba color) {
    if (Placement.at(shadowX, shadowY, ow, oh, ow, oh).isEmpty()) {
      composite(dst, ow, oh, src, sw, sh, imageX, imageY, 0L, shadowX, shadowY, color);
      return;
    }
    Storage canvas = shadow != null ? shadow : cuda.allocate(PixelFormat.F32, (long) ow * oh);
    try {
      cuda.kernel("effect_drop_shadow_silhouette", ow, oh).ptr(src).i32(sw).i32(sh).ptr(canvas).i32(ow).i32(oh)
          .i32(imageX).i32(imageY).launch();
      if (weights.length > 1) {
        cuda.filter().gaussianBlur(canvas, canvas, temp, ow, oh, weights);
      }
      composite(dst, ow, oh, src, sw, sh, imageX, imageY, ((CudaStorage) canvas).ptr(), shadowX, shadowY, color);
    } finally {
      if (shadow == null) {
        canvas.free(); // stream-ordered: after the composite
      }
    }
  }

  /** {@code effect_drop_shadow}; {@code canvas} 0: no shadow. */
  private void composite(Storage dst, int ow, int oh, Storage src, int sw, int sh, int imageX, int imageY,
      long canvas, int shadowX, int shadowY, Rgba color) {
    cuda.kernel("effect_drop_shadow", ow, oh).ptr(src).i32(sw).i32(sh).ptr(canvas).ptr(dst).i32(ow).i32(oh)
        .i32(imageX).i32(imageY).i32(shadowX).i32(shadowY).rgba(color).launch();
  }
}
