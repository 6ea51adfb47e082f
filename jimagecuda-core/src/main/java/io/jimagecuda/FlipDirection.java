package io.jimagecuda;

import java.util.Locale;

/** The axis of {@link Transform#flip}. */
public enum FlipDirection {
  /** Mirror left ↔ right: {@code dst(x, y) = src(W − 1 − x, y)}. */
  HORIZONTAL,
  /** Mirror top ↔ bottom: {@code dst(x, y) = src(x, H − 1 − y)}. */
  VERTICAL,
  /** Both at once (a 180° turn): {@code dst(x, y) = src(W − 1 − x, H − 1 − y)}. */
  BOTH;

  /**
   * Parses the reference's names {@code horizontal}, {@code vertical}, {@code both}.
   *
   * @param name the name, lower case
   * @return the direction of that name
   * @throws IllegalArgumentException "Invalid direction" for any other value, listing the valid ones
   */
  public static FlipDirection parse(String name) {
    if (name != null) {
      for (FlipDirection d : values()) {
        if (d.id().equals(name)) {
          return d;
        }
      }
    }
    throw new IllegalArgumentException("Invalid direction '" + name + "': expected horizontal, vertical or both");
  }

  /** {@return the lower-case name used in recipes} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
