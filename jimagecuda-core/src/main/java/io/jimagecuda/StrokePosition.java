package io.jimagecuda;

import java.util.Locale;

/** Where {@link Effect#stroke} draws its outline relative to the shape's edge. */
public enum StrokePosition {
  /** Around the shape, on the transparent side of its edge; the shape is drawn over the stroke. */
  OUTSIDE,
  /** Over the shape's outer band, tinting visible pixels only; the canvas never grows. */
  INSIDE;

  /**
   * Parses the reference's names {@code outside} and {@code inside}.
   *
   * @param name the name, lower case
   * @return the position of that name
   * @throws IllegalArgumentException "Invalid position" for any other value, listing the valid names
   */
  public static StrokePosition parse(String name) {
    if (name != null) {
      for (StrokePosition p : values()) {
        if (p.id().equals(name)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("Invalid position '" + name + "': expected outside or inside");
  }

  /** {@return the lower-case name used in recipes} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
