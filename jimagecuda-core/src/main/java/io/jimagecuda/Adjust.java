package io.jimagecuda;

import io.jimagecuda.internal.Check;

/**
 * Colour and tone adjustments, in place on an image's logical area, on the image's backend.
 *
 * <pre>{@code
 * try (Image img = Images.load(Path.of("photo.jpg"))) {
 *   Adjust.brightness(img, 0.1f);    // lighter
 *   Adjust.contrast(img, 1.2f);      // punchier
 *   Adjust.saturation(img, 1.3f);    // more colourful
 *   Adjust.hue(img, -30);            // cooler
 * }
 * }</pre>
 *
 * <p><b>Alpha</b> is left as it is by every op but {@link #opacity}. <b>Range:</b> brightness, contrast and
 * saturation clamp red, green and blue to [0, 1] (a NaN channel becomes 1, as in the reference); gamma, hue
 * and vibrance map [0, 1] into [0, 1] and leave values outside that range unclamped; opacity clamps alpha
 * to [0, 1].
 *
 * <p><b>Identities.</b> A parameter within 1e-6 of the op's identity (brightness 0, contrast, saturation,
 * gamma and opacity 1, hue a multiple of 360, vibrance 0) leaves the image exactly as it was, as in
 * PyImageCUDA; the arguments are validated first all the same.
 *
 * <p><b>Compatibility.</b> The formulas are those of PyImageCUDA 0.1.4 and give its pixels; the places
 * where JImageCUDA does better (opacity clamps alpha, large hue angles, gamma down to any positive value)
 * are listed in {@code docs/deviations.md}. The CPU and CUDA backends give the same bits, except gamma,
 * which agrees to within 3 ulp (CUDA's {@code powf}, within 2 ulp of the exact power, against
 * {@link Math#pow} rounded to float).
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image,
 * {@link IllegalStateException} if the image was freed, and {@link IllegalArgumentException} if the
 * parameter is NaN or infinite ("must be a finite number") or, for gamma, not positive.
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Adjust {
  /** How close to its identity a parameter must be for the op to do nothing (the reference's 1e-6). */
  private static final double IDENTITY = 1e-6;

  private Adjust() {
  }

  /**
   * Adds {@code factor} to red, green and blue and clamps them to [0, 1]:
   * {@code c ← clamp(c + factor)}. 0.2 lifts the whole photo a fifth towards white, −0.3 darkens it.
   *
   * @param image modified in place; alpha unchanged
   * @param factor any finite value; positive brightens, negative darkens, 0 (within 1e-6) changes nothing
   * @throws IllegalArgumentException if {@code factor} is NaN or infinite
   */
  public static void brightness(Image image, float factor) {
    Check.usable("Adjust.brightness", "image", image);
    Check.finite("Adjust.brightness", "factor", factor);
    if (Math.abs(factor) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.brightness", image)) {
      image.backendImpl().adjust().brightness(image.storage(), image.width(), image.height(), factor);
    }
  }

  /**
   * Scales red, green and blue away from (or towards) mid grey and clamps them to [0, 1]:
   * {@code c ← clamp((c − 0.5)·factor + 0.5)}. 1.5 makes shadows darker and highlights brighter, 0.5
   * washes the picture out towards grey, 0 makes it flat 0.5 grey.
   *
   * @param image modified in place; alpha unchanged
   * @param factor any finite value; above 1 more contrast, 0..1 less, negative inverts around 0.5, 1 (within
   *     1e-6) changes nothing
   * @throws IllegalArgumentException if {@code factor} is NaN or infinite
   */
  public static void contrast(Image image, float factor) {
    Check.usable("Adjust.contrast", "image", image);
    Check.finite("Adjust.contrast", "factor", factor);
    if (Math.abs(factor - 1.0) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.contrast", image)) {
      image.backendImpl().adjust().contrast(image.storage(), image.width(), image.height(), factor);
    }
  }

  /**
   * Scales each pixel's colour away from (or towards) its own grey, keeping its luma, and clamps to [0, 1]:
   * with {@code L = 0.299 r + 0.587 g + 0.114 b}, {@code c ← clamp(L + (c − L)·factor)}. 0 turns the photo
   * into its grey version, 1.8 makes colours vivid, −1 swaps every colour for its opposite of the same luma.
   *
   * @param image modified in place; alpha unchanged
   * @param factor any finite value; 0 grey, 0..1 muted, above 1 more colourful, negative inverts the chroma,
   *     1 (within 1e-6) changes nothing
   * @throws IllegalArgumentException if {@code factor} is NaN or infinite
   */
  public static void saturation(Image image, float factor) {
    Check.usable("Adjust.saturation", "image", image);
    Check.finite("Adjust.saturation", "factor", factor);
    if (Math.abs(factor - 1.0) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.saturation", image)) {
      image.backendImpl().adjust().saturation(image.storage(), image.width(), image.height(), factor);
    }
  }

  /**
   * Gamma curve on red, green and blue: {@code c ← max(0, c)^(1/gamma)}, with {@code 1/gamma} rounded to
   * float once. 0 and 1 stay where they are and the mid-tones move: gamma 1.5 lifts them (0.5 → 0.63),
   * 0.6 darkens them (0.5 → 0.31). Negative values become 0; values above 1 are not clamped (they grow
   * for gamma below 1 and may overflow to infinity for tiny gammas).
   *
   * @param image modified in place; alpha unchanged
   * @param gamma {@code > 0} and finite; above 1 brightens the mid-tones, below 1 darkens them, 1 (within
   *     1e-6) changes nothing. Unlike the reference's native layer, values in (0, 0.001] are accepted.
   * @throws IllegalArgumentException if {@code gamma} is NaN or infinite, or {@code ≤ 0} ("must be
   *     positive")
   */
  public static void gamma(Image image, float gamma) {
    Check.usable("Adjust.gamma", "image", image);
    Check.finite("Adjust.gamma", "gamma", gamma);
    Check.positive("Adjust.gamma", "gamma", gamma);
    if (Math.abs(gamma - 1.0) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.gamma", image)) {
      image.backendImpl().adjust().gamma(image.storage(), image.width(), image.height(), gamma);
    }
  }

  /**
   * Multiplies alpha by {@code factor} and clamps it to [0, 1]: {@code a ← clamp(a·factor)}. 0.5 makes an
   * opaque photo half transparent; 2 makes a half-transparent watermark opaque, while opaque pixels stay
   * at 1; 0 or less makes the image fully transparent (its colour is kept).
   *
   * @param image modified in place; red, green and blue unchanged
   * @param factor any finite value; 1 (within 1e-6) changes nothing
   * @throws IllegalArgumentException if {@code factor} is NaN or infinite
   */
  public static void opacity(Image image, float factor) {
    Check.usable("Adjust.opacity", "image", image);
    Check.finite("Adjust.opacity", "factor", factor);
    if (Math.abs(factor - 1.0) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.opacity", image)) {
      image.backendImpl().adjust().opacity(image.storage(), image.width(), image.height(), factor);
    }
  }

  /**
   * Saturation boost that favours muted colours and spares skin tones, in HSV: with saturation {@code s},
   * {@code s ← clamp(s + amount·(1 − s)·s·k)}, where {@code k} is 0.3 for hues in [0°, 50°] or
   * [330°, 360°] (reds, oranges, skin) and 1 elsewhere; hue and value are kept. Greys and near-greys
   * ({@code s < 0.001}) are untouched. 0.8 makes a landscape's sky and grass richer while faces barely
   * change; negative amounts mute colours instead.
   *
   * @param image modified in place; alpha unchanged
   * @param amount any finite value, typically −1..1; 0 (within 1e-6) changes nothing
   * @throws IllegalArgumentException if {@code amount} is NaN or infinite
   */
  public static void vibrance(Image image, float amount) {
    Check.usable("Adjust.vibrance", "image", image);
    Check.finite("Adjust.vibrance", "amount", amount);
    if (Math.abs(amount) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.vibrance", image)) {
      image.backendImpl().adjust().vibrance(image.storage(), image.width(), image.height(), amount);
    }
  }

  /**
   * Rotates every hue around the colour wheel by {@code degrees}, keeping saturation and value (HSV):
   * 120 turns red into green and green into blue, 180 gives the complementary colours, −30 shifts towards
   * cool tones. Greys do not change.
   *
   * @param image modified in place; alpha unchanged
   * @param degrees any finite angle; only its value modulo 360 matters, and multiples of 360 (within 1e-6)
   *     change nothing
   * @throws IllegalArgumentException if {@code degrees} is NaN or infinite
   */
  public static void hue(Image image, float degrees) {
    Check.usable("Adjust.hue", "image", image);
    Check.finite("Adjust.hue", "degrees", degrees);
    double turn = (double) degrees % 360.0;
    if (turn < 0) {
      turn += 360.0;
    }
    if (turn < IDENTITY || Math.abs(turn - 360.0) < IDENTITY) {
      return;
    }
    try (Use u = Use.of("Adjust.hue", image)) {
      image.backendImpl().adjust().hue(image.storage(), image.width(), image.height(), degrees);
    }
  }
}
