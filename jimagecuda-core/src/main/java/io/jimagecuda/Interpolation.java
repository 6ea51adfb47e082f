package io.jimagecuda;

import java.util.Locale;

/**
 * How {@link Resize}, {@link Transform#rotate} and {@link Transform#zoom} read the source between pixel
 * centres (spec §2.3). Every channel, alpha included, is interpolated alike on straight (not
 * premultiplied) values.
 */
public enum Interpolation {
  /** The closest pixel: blocky, exact colours, the fastest. */
  NEAREST,
  /** Linear between the 2 × 2 closest pixels, edge pixels replicated: smooth, slightly soft. */
  BILINEAR,
  /**
   * Catmull-Rom cubic over 4 × 4 pixels: sharper than bilinear. Not clamped: values may overshoot below 0
   * or above 1 (alpha included) next to strong edges.
   */
  BICUBIC,
  /** Lanczos-3 over 6 × 6 pixels: the sharpest; every channel is clamped to [0, 1]. */
  LANCZOS;

  /**
   * Parses the reference's names {@code nearest}, {@code bilinear}, {@code bicubic}, {@code lanczos}.
   *
   * @param name the name, lower case
   * @return the interpolation of that name
   * @throws IllegalArgumentException "Invalid interpolation" for any other value, listing the valid ones
   */
  public static Interpolation parse(String name) {
    if (name != null) {
      for (Interpolation i : values()) {
        if (i.id().equals(name)) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("Invalid interpolation '" + name
        + "': expected nearest, bilinear, bicubic or lanczos");
  }

  /** {@return the lower-case name used in recipes} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
