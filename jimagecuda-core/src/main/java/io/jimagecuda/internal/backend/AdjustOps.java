package io.jimagecuda.internal.backend;

/**
 * The seven colour adjustments (spec §3.3), in place on the {@code width × height} logical area of an F32
 * storage. Arguments are already validated by {@code Adjust}, which also takes the no-op shortcuts; the
 * backends apply the formula to every pixel. Values that do not depend on the pixel come from the static
 * helpers here, so both backends compute them alike.
 */
public interface AdjustOps {
  /** See {@link io.jimagecuda.Adjust#brightness}. */
  void brightness(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#contrast}. */
  void contrast(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#saturation}. */
  void saturation(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#gamma}; {@code gamma > 0}, its inverse is {@link #inverse(float)}. */
  void gamma(Storage img, int width, int height, float gamma);

  /** See {@link io.jimagecuda.Adjust#opacity}. */
  void opacity(Storage img, int width, int height, float factor);

  /** See {@link io.jimagecuda.Adjust#vibrance}. */
  void vibrance(Storage img, int width, int height, float amount);

  /** See {@link io.jimagecuda.Adjust#hue}; the per-pixel shift is {@link #hueShift(float)}. */
  void hue(Storage img, int width, int height, float degrees);

  /** Gamma's exponent {@code 1/gamma}, rounded to float once on the host as the reference does. */
  static float inverse(float gamma) {
    return 1f / gamma;
  }

  /**
   * The shift added to each hue: {@code degrees} modulo 360 with its sign kept (C's {@code fmod}, exact).
   * Below 360 in magnitude it is {@code degrees} itself, as in the reference; larger angles would otherwise
   * swamp the hue in float ({@code docs/deviations.md}).
   */
  static float hueShift(float degrees) {
    return degrees % 360f;
  }
}
