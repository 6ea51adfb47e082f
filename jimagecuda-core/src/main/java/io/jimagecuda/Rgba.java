package io.jimagecuda;

/**
 * A colour as four straight (non-premultiplied) float channels, nominally 0..1.
 *
 * <p>Values are stored verbatim: fills write them unclamped, so out-of-range channels are passed on as
 * given. NaN and infinite channels are refused by every operation that takes a colour
 * ({@link IllegalArgumentException} naming the parameter and the channel), as they would turn into 0 on
 * conversion to 8 bits. Use {@link #of(float...)} to build one from an array of exactly four values.
 *
 * @param r red
 * @param g green
 * @param b blue
 * @param a alpha (opacity): 0 transparent, 1 opaque
 */
public record Rgba(float r, float g, float b, float a) {
  /** Opaque black {@code (0, 0, 0, 1)}. */
  public static final Rgba BLACK = new Rgba(0, 0, 0, 1);
  /** Opaque white {@code (1, 1, 1, 1)}. */
  public static final Rgba WHITE = new Rgba(1, 1, 1, 1);
  /** Transparent black {@code (0, 0, 0, 0)}. */
  public static final Rgba TRANSPARENT = new Rgba(0, 0, 0, 0);

  /**
   * Returns the colour {@code (c[0], c[1], c[2], c[3])}.
   *
   * @param c exactly four channels: red, green, blue, alpha
   * @return the colour
   * @throws IllegalArgumentException if {@code c} does not hold exactly four values
   */
  public static Rgba of(float... c) {
    if (c == null || c.length != 4) {
      throw new IllegalArgumentException(
          "A colour needs exactly 4 values (r, g, b, a), got " + (c == null ? "null" : c.length));
    }
    return new Rgba(c[0], c[1], c[2], c[3]);
  }

  /**
   * Returns an opaque colour {@code (r, g, b, 1)}.
   *
   * @param r red, nominally 0..1
   * @param g green, nominally 0..1
   * @param b blue, nominally 0..1
   * @return the colour
   */
  public static Rgba rgb(float r, float g, float b) {
    return new Rgba(r, g, b, 1);
  }

  /** {@return the channels as a new array {@code {r, g, b, a}}} */
  public float[] toArray() {
    return new float[] {r, g, b, a};
  }
}
