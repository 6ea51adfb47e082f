package io.jimagecuda.internal.backend;

import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import org.jspecify.annotations.Nullable;

/**
 * The effects (spec §3.5) on F32 storages. Arguments are already validated, clamped and sized by
 * {@code Effect}; storages of one call are distinct.
 */
public interface EffectOps {
  /**
   * See {@link io.jimagecuda.Effect#roundedCorners}: multiplies the alpha of the four corner regions.
   *
   * @param radius in {@code (0, min(width, height)/2]}
   */
  void roundedCorners(Storage img, int width, int height, float radius);

  /**
   * See {@link io.jimagecuda.Effect#vignette}: mixes the colour towards {@code color} outside the radius.
   *
   * @param radius finite, {@code ≥ 0}
   * @param softness finite, {@code ≥ 0}
   */
  void vignette(Storage img, int width, int height, float radius, float softness, Rgba color);

  /**
   * See {@link io.jimagecuda.Effect#stroke}: writes the {@code dstWidth × dstHeight} canvas into
   * {@code dst}, source pixel {@code (x − offsetX, y − offsetY)} under canvas pixel {@code (x, y)}.
   *
   * @param distance scratch of at least {@code 2·dstWidth·dstHeight} 32-bit words (see {@link JumpFlood});
   *     its content afterwards is unspecified
   * @param strokeWidth 1..1000
   */
  void stroke(Storage dst, int dstWidth, int dstHeight, Storage src, int width, int height, Storage distance,
      int offsetX, int offsetY, int strokeWidth, Rgba color, StrokePosition position);

  /**
   * See {@link io.jimagecuda.Effect#chromaKey}: per pixel the HSV distance to the key colour (no hue
   * difference where either is a grey), the key alpha from it, spill suppression on edge pixels, and
   * {@code a ← a·k}.
   *
   * @param threshold in {@code [1e-6, 1]}
   * @param smoothness in 0..1
   * @param spillSuppression in 0..1
   */
  void chromaKey(Storage img, int width, int height, float keyR, float keyG, float keyB, float threshold,
      float smoothness, float spillSuppression);

  /**
   * See {@link io.jimagecuda.Effect#dropShadow}: writes the {@code dstWidth × dstHeight} result into
   * {@code dst}. The shadow canvas has the result's size and holds the image's alpha (in every channel)
   * where the image lies, 0 elsewhere; it is blurred in place with {@link FilterOps#gaussianBlur}. Then
   * every result pixel starts as transparent black, gets the shadow layer {@code (color.rgb, S·color.a)}
   * ({@code S} the blurred canvas's alpha at {@code (x − shadowX, y − shadowY)}, none outside the canvas)
   * and then the image pixel at {@code (x − imageX, y − imageY)} (none outside the image) composited over
   * it, both with the normal blend's formula at opacity 1 ({@code blend_over} / {@code CpuBlend.over}).
   *
   * @param imageX column of the image's left column in the result and in the canvas; the image lies
   *     inside both
   * @param imageY row of the image's top row, likewise
   * @param shadow scratch for the canvas, at least {@code dstWidth·dstHeight} pixels, or {@code null}: the
   *     backend allocates one when it needs it (CUDA from the stream-ordered pool) and frees it before
   *     returning. Not touched when the canvas misses {@code dst}. Its content afterwards is unspecified.
   * @param temp the blur's scratch (see {@link FilterOps#gaussianBlur}), or {@code null}
   * @param shadowX column of the canvas's left column in the result, in {@code [−dstWidth, dstWidth]};
   *     at {@code ±dstWidth} the canvas misses {@code dst} and neither it nor the blur is computed
   * @param shadowY row of the canvas's top row, in {@code [−dstHeight, dstHeight]}, likewise
   * @param weights the blur's weights ({@link GaussianWeights#compute}), or {@code {1}}: no blur
   */
  void dropShadow(Storage dst, int dstWidth, int dstHeight, Storage src, int width, int height, int imageX,
      int imageY, @Nullable Storage shadow, @Nullable Storage temp, int shadowX, int shadowY, float[] weights,
      Rgba color);
}
