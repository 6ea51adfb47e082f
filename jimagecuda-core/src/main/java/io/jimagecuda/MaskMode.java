package io.jimagecuda;

import java.util.Locale;

/** What {@link Blend#mask} multiplies the base's alpha by. */
public enum MaskMode {
  /** The mask's alpha. */
  ALPHA,
  /**
   * The mask's luminance {@code 0.299 r + 0.587 g + 0.114 b} times its alpha (the default): white shows,
   * black and transparent hide.
   */
  LUMINANCE;

  /**
   * Parses the reference's names {@code alpha} and {@code luminance}. Unlike the reference, which treats
   * any text other than {@code luminance} as {@code alpha}, an unknown name is an error.
   *
   * @param name the name, lower case
   * @return the mode of that name
   * @throws IllegalArgumentException "Invalid mask mode" for any other value or null
   */
  public static MaskMode parse(String name) {
    if (name != null) {
      for (MaskMode m : values()) {
        if (m.id().equals(name)) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("Invalid mask mode '" + name + "': expected alpha or luminance");
  }

  /** {@return the lower-case name used in recipes} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
