package io.jimagecuda.internal.backend;

import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;

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
}
