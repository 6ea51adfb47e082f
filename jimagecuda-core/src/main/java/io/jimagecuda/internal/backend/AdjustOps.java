package io.jimagecuda.internal.backend;

/**
 * The seven colour adjustments (spec §3.3), in place on the {@code width × height} logical area of an F32
 * storage. Arguments are already validated by {@code Adjust}, which also takes the no-op shortcuts; the
 * backends apply the formula to every pixel. Values that do not depend on the pixel come from
 * {@link AdjustParams}, so both backends compute them alike.
 */
public interface AdjustOps {
  /** See {@link io.jimagecuda.Adjust#brightness}. */
  void brightness(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#contrast}. */
  void contrast(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#saturation}. */
  void saturation(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#gamma}; {@code gamma > 0}, raised to {@link AdjustParams#inverse(float)}. */
  void gamma(Storage img, int width, int height, float gamma);

  /** See {@link io.jimagecuda.Adjust#opacity}. */
  void opacity(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#vibrance}. */
  void vibrance(Storage img, int width, int height, float amount);

  /** See {@link io.jimagecuda.Adjust#hue}; the per-pixel shift is {@link AdjustParams#hueShift(float)}. */
  void hue(Storage img, int width, int height, float degrees);
}
