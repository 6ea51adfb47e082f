package io.jimagecuda.internal;

import io.jimagecuda.Anchor;

/**
 * Where a layer of {@code layerWidth × layerHeight} pixels lands on a base of {@code baseWidth ×
 * baseHeight} (spec §2.1): layer pixel {@code (lx, ly)} covers base pixel {@code (x + lx, y + ly)}. The
 * position is kept in 64 bits, so offsets near the {@code int} limits cannot wrap around; only the part
 * inside the base ({@link #x0()} .. {@link #x1()}, {@link #y0()} .. {@link #y1()}) is ever touched.
 *
 * <p>Used by {@code Blend} and by every op that composites one image onto another at an offset (the
 * drop shadow): compute the placement, skip the call when it is {@linkplain #isEmpty() empty}, otherwise
 * pass {@link #x()} and {@link #y()} (which then fit in an {@code int}) to the backend's {@code BlendOps}.
 *
 * @param x the base column of the layer's left column; may be negative or beyond the base
 * @param y the base row of the layer's top row; may be negative or beyond the base
 * @param baseWidth the base's logical width
 * @param baseHeight the base's logical height
 * @param layerWidth the layer's logical width
 * @param layerHeight the layer's logical height
 */
public record Placement(long x, long y, int baseWidth, int baseHeight, int layerWidth, int layerHeight) {
  /**
   * The placement at {@code anchor} moved by {@code (offsetX, offsetY)} (positive: right, down).
   */
  public static Placement of(Anchor anchor, int baseWidth, int baseHeight, int layerWidth, int layerHeight,
      int offsetX, int offsetY) {
    return new Placement((long) anchor.x(baseWidth, layerWidth) + offsetX,
        (long) anchor.y(baseHeight, layerHeight) + offsetY, baseWidth, baseHeight, layerWidth, layerHeight);
  }

  /** The placement with the layer's top-left pixel on base pixel {@code (x, y)}. */
  public static Placement at(long x, long y, int baseWidth, int baseHeight, int layerWidth, int layerHeight) {
    return new Placement(x, y, baseWidth, baseHeight, layerWidth, layerHeight);
  }

  /** The first base column the layer covers (inclusive). */
  public long x0() {
    return Math.max(0, x);
  }

  /** The base column after the last one the layer covers (exclusive). */
  public long x1() {
    return Math.min(baseWidth, x + layerWidth);
  }

  /** The first base row the layer covers (inclusive). */
  public long y0() {
    return Math.max(0, y);
  }

  /** The base row after the last one the layer covers (exclusive). */
  public long y1() {
    return Math.min(baseHeight, y + layerHeight);
  }

  /** Whether the layer misses the base entirely (then no pixel changes). */
  public boolean isEmpty() {
    return x0() >= x1() || y0() >= y1();
  }

  /** Whether every layer pixel lands on the base pixel with the same coordinates. */
  public boolean isIdentity() {
    return x == 0 && y == 0 && baseWidth == layerWidth && baseHeight == layerHeight;
  }
}
