package io.jimagecuda;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Direction of {@link Fill#gradient}: where colour 1 turns into colour 2. */
public enum GradientDirection {
  /** Left (colour 1) to right (colour 2). */
  HORIZONTAL,
  /** Top to bottom. */
  VERTICAL,
  /** Top-left to bottom-right. */
  DIAGONAL,
  /** Centre to the corners (elliptical on non-square images). */
  RADIAL;

  /**
   * Parses the reference's names {@code horizontal}, {@code vertical}, {@code diagonal}, {@code radial}.
   *
   * @param name the name, lower case
   * @return the direction of that name
   * @throws IllegalArgumentException "Invalid direction" for any other value, {@code null} included
   */
  public static GradientDirection parse(@Nullable String name) {
    if (name != null) {
      for (GradientDirection d : values()) {
        if (d.id().equals(name)) {
          return d;
        }
      }
    }
    throw new IllegalArgumentException("Invalid direction '" + name
        + "': expected horizontal, vertical, diagonal or radial");
  }

  /** {@return the lower-case name used in recipes} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
