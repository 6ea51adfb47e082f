package io.jimagecuda;

import org.jspecify.annotations.Nullable;

/** Alignment of the lines of {@link Text#create} within the widest line. */
public enum TextAlign {
  /** Lines start at the left edge (the default). */
  LEFT("left"),
  /** Lines are centred. */
  CENTRE("centre"),
  /** Lines end at the right edge. */
  RIGHT("right");

  private final String id;

  TextAlign(String id) {
    this.id = id;
  }

  /**
   * Parses {@code left}, {@code centre}, {@code center} and {@code right}. Both spellings of centre
   * centre the lines: the reference maps every value other than {@code left} and {@code centre} to
   * right, so its {@code center} right-aligns; JImageCUDA fixes that (see {@code docs/deviations.md}),
   * and an unknown name is an error instead of "right".
   *
   * @param name the name, lower case
   * @return the alignment
   * @throws IllegalArgumentException "Invalid alignment" for any other value, {@code null} included
   */
  public static TextAlign parse(@Nullable String name) {
    if ("center".equals(name)) {
      return CENTRE;
    }
    for (TextAlign a : values()) {
      if (a.id.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("Invalid alignment '" + name + "': expected left, centre (or center) "
        + "or right");
  }

  /** {@return the name used in recipes: {@code left}, {@code centre} or {@code right}} */
  public String id() {
    return id;
  }
}
