package io.jimagecuda;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a layer (a {@link Blend} overlay or mask) sits on the base before its offsets are added: one of
 * the nine points of a 3 × 3 grid over the base. The layer's matching point is put on the base's, so
 * {@code BOTTOM_RIGHT} puts the layer's bottom-right pixel on the base's bottom-right pixel.
 *
 * <pre>{@code
 * TOP_LEFT     TOP_CENTER     TOP_RIGHT
 * CENTER_LEFT  CENTER         CENTER_RIGHT
 * BOTTOM_LEFT  BOTTOM_CENTER  BOTTOM_RIGHT
 * }</pre>
 *
 * <p>Centred layers are placed at {@code floor((base − layer) / 2)}, so with an odd difference the extra
 * pixel goes right (down), and a layer larger than the base overhangs it on both sides.
 */
public enum Anchor {
  /** Top-left corners meet (the default). */
  TOP_LEFT,
  /** Centred horizontally, top edges meet. */
  TOP_CENTER,
  /** Top-right corners meet. */
  TOP_RIGHT,
  /** Left edges meet, centred vertically. */
  CENTER_LEFT,
  /** Centred on both axes. */
  CENTER,
  /** Right edges meet, centred vertically. */
  CENTER_RIGHT,
  /** Bottom-left corners meet. */
  BOTTOM_LEFT,
  /** Centred horizontally, bottom edges meet. */
  BOTTOM_CENTER,
  /** Bottom-right corners meet. */
  BOTTOM_RIGHT;

  private static final String NAMES = Arrays.stream(values()).map(Anchor::id)
      .collect(Collectors.joining(", "));

  /**
   * Parses the reference's names {@code top-left}, {@code top-center}, {@code top-right},
   * {@code center-left}, {@code center}, {@code center-right}, {@code bottom-left}, {@code bottom-center},
   * {@code bottom-right}. Unlike the reference, which treats any other text as {@code top-left},
   * an unknown name is an error.
   *
   * @param name the name, lower case
   * @return the anchor of that name
   * @throws IllegalArgumentException "Invalid anchor" with the valid names, for any other value or null
   */
  public static Anchor parse(String name) {
    if (name != null) {
      for (Anchor a : values()) {
        if (a.id().equals(name)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException("Invalid anchor '" + name + "': expected one of " + NAMES);
  }

  /** {@return the name used in recipes, e.g. {@code bottom-right}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The x of the layer's left column on the base, before offsets: 0 for the left anchors,
   * {@code floorDiv(baseWidth − layerWidth, 2)} for the centred ones, {@code baseWidth − layerWidth} for
   * the right ones. Negative when the layer is wider than the base.
   *
   * @param baseWidth the base's width in pixels, any value
   * @param layerWidth the layer's width in pixels, any value
   * @return the layer's left column in base coordinates
   */
  public int x(int baseWidth, int layerWidth) {
    return switch (this) {
      case TOP_LEFT, CENTER_LEFT, BOTTOM_LEFT -> 0;
      case TOP_CENTER, CENTER, BOTTOM_CENTER -> Math.floorDiv(baseWidth - layerWidth, 2);
      case TOP_RIGHT, CENTER_RIGHT, BOTTOM_RIGHT -> baseWidth - layerWidth;
    };
  }

  /**
   * The y of the layer's top row on the base, before offsets: 0 for the top anchors,
   * {@code floorDiv(baseHeight − layerHeight, 2)} for the centred ones, {@code baseHeight − layerHeight}
   * for the bottom ones. Negative when the layer is taller than the base.
   *
   * @param baseHeight the base's height in pixels, any value
   * @param layerHeight the layer's height in pixels, any value
   * @return the layer's top row in base coordinates
   */
  public int y(int baseHeight, int layerHeight) {
    return switch (this) {
      case TOP_LEFT, TOP_CENTER, TOP_RIGHT -> 0;
      case CENTER_LEFT, CENTER, CENTER_RIGHT -> Math.floorDiv(baseHeight - layerHeight, 2);
      case BOTTOM_LEFT, BOTTOM_CENTER, BOTTOM_RIGHT -> baseHeight - layerHeight;
    };
  }
}
