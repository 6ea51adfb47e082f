package io.jimagecuda.internal.backend;

/**
 * The values of the {@link AdjustOps} that do not depend on the pixel, computed once per call on the host
 * (as the reference does), by both backends through these methods so that they agree.
 */
public final class AdjustParams {
  private AdjustParams() {
  }

  /** Gamma's exponent {@code 1/gamma}, rounded to float once, as the reference's host code does. */
  public static float inverse(float gamma) {
    return 1f / gamma;
  }

  /**
   * The shift added to each hue: {@code degrees} modulo 360 with its sign kept (C's {@code fmod}, exact).
   * Below 360 in magnitude it is {@code degrees} itself, as in the reference; larger angles would otherwise
   * swamp the hue when added to it in float ({@code docs/deviations.md}).
   */
  public static float hueShift(float degrees) {
    return degrees % 360f;
  }
}
