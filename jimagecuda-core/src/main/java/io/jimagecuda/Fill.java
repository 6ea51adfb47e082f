package io.jimagecuda;

import io.jimagecuda.internal.Check;

/**
 * Pattern generators: each one overwrites every pixel of an image's logical area, in place, on the
 * image's backend.
 *
 * <pre>{@code
 * try (Image img = new Image(512, 512)) {
 *   Fill.checkerboard(img);                                    // grey 20-pixel checks
 *   Fill.perlin(img, 100, 42, 6, 0.5f, 2, 0, 0, Rgba.rgb(0.1f, 0.2f, 0.4f), Rgba.rgb(0.9f, 0.8f, 0.6f));
 * }
 * }</pre>
 *
 * <p><b>Coordinates.</b> Pixel {@code (x, y)} has integer coordinates, x to the right and y downwards from
 * the top-left pixel. Colours are written as given, never clamped, alpha included.
 *
 * <p><b>Compatibility.</b> The formulas are those of PyImageCUDA 0.1.4 (including its choices, such as
 * the opposite offset sign of {@link #dots}); the few places where JImageCUDA does better are listed in
 * {@code docs/deviations.md}. The CPU and CUDA backends give the same values to within 1e-4.
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image or colour,
 * {@link IllegalStateException} if the image was freed, and {@link IllegalArgumentException} for the
 * out-of-range parameters it names. Floating-point parameters that are not checked accept any finite
 * value; NaN or infinite values give NaN or flat results, as in the reference.
 */
public final class Fill {
  /** Largest number of Perlin octaves; beyond ~24 the octaves add nothing at float precision. */
  public static final int MAX_OCTAVES = 32;

  private static final Rgba LIGHT_GREY = new Rgba(0.8f, 0.8f, 0.8f, 1);
  private static final Rgba GREY = new Rgba(0.5f, 0.5f, 0.5f, 1);

  private Fill() {
  }

  /**
   * Sets every pixel to {@code rgba}.
   *
   * @param image modified in place
   * @param rgba the colour, any values
   */
  public static void color(Image image, Rgba rgba) {
    Check.usable("Fill.color", "image", image);
    Check.color("Fill.color", "rgba", rgba);
    image.backendImpl().fill().color(image.storage(), image.width(), image.height(), rgba);
  }

  /**
   * Linear gradient from {@code rgba1} to {@code rgba2}, interpolating all four channels.
   *
   * <p>With {@code u = x/(W−1)} and {@code v = y/(H−1)}, the colour-2 weight is {@code u} (horizontal),
   * {@code v} (vertical), {@code (u+v)/2} (diagonal) or {@code min(1, √2·|(u−½, v−½)|)} (radial: colour 1 at
   * the centre, colour 2 at the corners, elliptical on non-square images). A side of one pixel gives a
   * weight of 0.5 along that side. {@code seamless} folds the weight into a triangle wave: colour 1 at
   * both ends, colour 2 in the middle.
   *
   * @param image modified in place
   * @param direction where colour 1 turns into colour 2
   * @param seamless whether the gradient returns to colour 1 at the far end
   */
  public static void gradient(Image image, Rgba rgba1, Rgba rgba2, GradientDirection direction,
      boolean seamless) {
    Check.usable("Fill.gradient", "image", image);
    Check.color("Fill.gradient", "rgba1", rgba1);
    Check.color("Fill.gradient", "rgba2", rgba2);
    Check.notNull("Fill.gradient", "direction", direction);
    image.backendImpl().fill().gradient(image.storage(), image.width(), image.height(), rgba1, rgba2, direction,
        seamless);
  }

  /** {@link #gradient(Image, Rgba, Rgba, GradientDirection, boolean)}, horizontal, not seamless. */
  public static void gradient(Image image, Rgba rgba1, Rgba rgba2) {
    gradient(image, rgba1, rgba2, GradientDirection.HORIZONTAL, false);
  }

  /**
   * Checkerboard of {@code size × size} squares with hard edges: pixel {@code (x, y)} is {@code color1}
   * when {@code floor((x + offsetX)/size) + floor((y + offsetY)/size)} is even, else {@code color2}. With
   * offsets 0 the top-left square is {@code color1}; positive offsets move the pattern left and up.
   *
   * @param image modified in place
   * @param size side of a square in pixels, at least 1
   * @param offsetX pattern shift in pixels, any value
   * @param offsetY pattern shift in pixels, any value
   * @throws IllegalArgumentException if {@code size ≤ 0} ("must be positive")
   */
  public static void checkerboard(Image image, int size, Rgba color1, Rgba color2, int offsetX, int offsetY) {
    Check.usable("Fill.checkerboard", "image", image);
    Check.positive("Fill.checkerboard", "size", size);
    Check.color("Fill.checkerboard", "color1", color1);
    Check.color("Fill.checkerboard", "color2", color2);
    image.backendImpl().fill().checkerboard(image.storage(), image.width(), image.height(), size, color1, color2,
        offsetX, offsetY);
  }

  /** {@link #checkerboard(Image, int, Rgba, Rgba, int, int)} with 20-pixel squares of grey 0.8 and 0.5. */
  public static void checkerboard(Image image) {
    checkerboard(image, 20, LIGHT_GREY, GREY, 0, 0);
  }

  /**
   * Grid of lines {@code lineWidth} pixels wide along the left and top edge of every
   * {@code spacing × spacing} cell, without antialiasing: pixel {@code (x, y)} is {@code color} when
   * {@code (x + offsetX) mod spacing < lineWidth} or {@code (y + offsetY) mod spacing < lineWidth}, else
   * {@code bgColor}. {@code lineWidth ≥ spacing} fills the image with {@code color}.
   *
   * @param image modified in place
   * @param spacing cell size in pixels, at least 1
   * @param lineWidth line width in pixels, at least 1
   * @param offsetX pattern shift in pixels (positive moves it left), any value
   * @param offsetY pattern shift in pixels (positive moves it up), any value
   * @throws IllegalArgumentException if {@code spacing} or {@code lineWidth} is not positive
   */
  public static void grid(Image image, int spacing, int lineWidth, Rgba color, Rgba bgColor, int offsetX,
      int offsetY) {
    Check.usable("Fill.grid", "image", image);
    Check.positive("Fill.grid", "spacing", spacing);
    Check.positive("Fill.grid", "lineWidth", lineWidth);
    Check.color("Fill.grid", "color", color);
    Check.color("Fill.grid", "bgColor", bgColor);
    image.backendImpl().fill().grid(image.storage(), image.width(), image.height(), spacing, lineWidth, color,
        bgColor, offsetX, offsetY);
  }

  /** {@link #grid(Image, int, int, Rgba, Rgba, int, int)}: 1-pixel grey lines every 50 pixels, transparent. */
  public static void grid(Image image) {
    grid(image, 50, 1, GREY, Rgba.TRANSPARENT, 0, 0);
  }

  /**
   * Parallel stripes with 1-pixel antialiased edges. Along {@code p = x·cos θ + y·sin θ + offset}, each
   * period of {@code spacing} pixels has a {@code color1} band from about {@code p ≡ 0.5} to
   * {@code p ≡ width}, then {@code color2}. Angle 0 gives vertical bands, 90 horizontal ones, 45 bands
   * running "/" on screen. A 1-pixel {@code color2} seam remains at every period start even when
   * {@code width ≥ spacing}.
   *
   * @param image modified in place
   * @param angle direction across the stripes in degrees, any value
   * @param spacing period in pixels, at least 1
   * @param width width of the {@code color1} band in pixels, any value (≤ 0: no band)
   * @param offset shift along the period in pixels, any value
   * @throws IllegalArgumentException if {@code spacing ≤ 0}
   */
  public static void stripes(Image image, float angle, int spacing, int width, Rgba color1, Rgba color2,
      int offset) {
    Check.usable("Fill.stripes", "image", image);
    Check.positive("Fill.stripes", "spacing", spacing);
    Check.color("Fill.stripes", "color1", color1);
    Check.color("Fill.stripes", "color2", color2);
    image.backendImpl().fill().stripes(image.storage(), image.width(), image.height(), angle, spacing, width,
        color1, color2, offset);
  }

  /** {@link #stripes(Image, float, int, int, Rgba, Rgba, int)}: white 20-pixel bands at 45°, period 40. */
  public static void stripes(Image image) {
    stripes(image, 45, 40, 20, Rgba.WHITE, Rgba.TRANSPARENT, 0);
  }

  /**
   * Round dots on a square lattice: one dot per {@code spacing × spacing} cell, centred at pixel
   * {@code offset + spacing/2} modulo {@code spacing} along each axis (positive offsets move the dots
   * right and down, unlike the other patterns). The edge ramps over {@code ±softness·radius} around the
   * radius, or over ±0.5 pixel when {@code softness ≤ 0}. Each cell is drawn alone, so dots with
   * {@code radius > spacing/2} are cut square at the cell border.
   *
   * @param image modified in place
   * @param spacing lattice period in pixels, at least 1
   * @param radius dot radius in pixels, any value
   * @param softness edge width relative to the radius, any value (≤ 0: a 1-pixel antialiased edge)
   * @throws IllegalArgumentException if {@code spacing ≤ 0}
   */
  public static void dots(Image image, int spacing, float radius, Rgba color, Rgba bgColor, int offsetX,
      int offsetY, float softness) {
    Check.usable("Fill.dots", "image", image);
    Check.positive("Fill.dots", "spacing", spacing);
    Check.color("Fill.dots", "color", color);
    Check.color("Fill.dots", "bgColor", bgColor);
    image.backendImpl().fill().dots(image.storage(), image.width(), image.height(), spacing, radius, color,
        bgColor, offsetX, offsetY, softness);
  }

  /** {@link #dots(Image, int, float, Rgba, Rgba, int, int, float)}: white dots of radius 10 every 40 pixels. */
  public static void dots(Image image) {
    dots(image, 40, 10, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0, 0);
  }

  /**
   * A disc of radius {@code R = min(W, H)/2} centred at pixel coordinates {@code (W/2, H/2)}, on
   * {@code bgColor}. The edge ramps over {@code R ± softness·R}, or over ±0.5 pixel when
   * {@code softness ≤ 0}; softness 1 fades from the centre out to {@code 2R}.
   *
   * @param image modified in place
   * @param softness edge width relative to the radius, any value
   */
  public static void circle(Image image, Rgba color, Rgba bgColor, float softness) {
    Check.usable("Fill.circle", "image", image);
    Check.color("Fill.circle", "color", color);
    Check.color("Fill.circle", "bgColor", bgColor);
    image.backendImpl().fill().circle(image.storage(), image.width(), image.height(), color, bgColor, softness);
  }

  /** {@link #circle(Image, Rgba, Rgba, float)}: a hard-edged white disc on transparent black. */
  public static void circle(Image image) {
    circle(image, Rgba.WHITE, Rgba.TRANSPARENT, 0);
  }

  /**
   * White noise in [0, 1) from a sine hash of the pixel coordinates, alpha 1: grey when
   * {@code monochrome}, else independent red, green and blue. The same seed gives the same image on both
   * backends; change the seed to animate.
   *
   * @param image modified in place
   * @param seed any value; integers are a good choice
   */
  public static void noise(Image image, float seed, boolean monochrome) {
    Check.usable("Fill.noise", "image", image);
    image.backendImpl().fill().noise(image.storage(), image.width(), image.height(), seed, monochrome);
  }

  /** {@link #noise(Image, float, boolean)}: grey noise with seed 0. */
  public static void noise(Image image) {
    noise(image, 0, true);
  }

  /**
   * Fractal Perlin noise mapped from {@code color1} to {@code color2} (all four channels). Pixel
   * {@code (x, y)} samples gradient noise at {@code ((x + offsetX)/scale, (y + offsetY)/scale)}; each
   * further octave multiplies the frequency by {@code lacunarity} and the amplitude by
   * {@code persistence}, and the sum is normalised. The result stays within about 15–85 % of the way
   * from {@code color1} to {@code color2} (narrower with more octaves), never reaching either colour.
   *
   * @param image modified in place
   * @param scale feature size in pixels, {@code > 0}
   * @param seed any value; each octave uses {@code seed + 13.5·octave}
   * @param octaves 1 to {@link #MAX_OCTAVES}
   * @param persistence amplitude factor per octave, any value (typically 0.3–0.7)
   * @param lacunarity frequency factor per octave, any value (typically 2)
   * @param offsetX pattern shift in pixels (positive moves it left), any value
   * @param offsetY pattern shift in pixels (positive moves it up), any value
   * @throws IllegalArgumentException if {@code scale ≤ 0} or NaN ("must be positive"), or
   *     {@code octaves} is not in 1..32
   */
  public static void perlin(Image image, float scale, float seed, int octaves, float persistence,
      float lacunarity, float offsetX, float offsetY, Rgba color1, Rgba color2) {
    Check.usable("Fill.perlin", "image", image);
    Check.positive("Fill.perlin", "scale", scale);
    Check.range("Fill.perlin", "octaves", octaves, 1, MAX_OCTAVES);
    Check.color("Fill.perlin", "color1", color1);
    Check.color("Fill.perlin", "color2", color2);
    image.backendImpl().fill().perlin(image.storage(), image.width(), image.height(), scale, seed, octaves,
        persistence, lacunarity, offsetX, offsetY, color1, color2);
  }

  /**
   * {@link #perlin(Image, float, float, int, float, float, float, float, Rgba, Rgba)}: one octave at scale
   * 50, seed 0, from black to white.
   */
  public static void perlin(Image image) {
    perlin(image, 50, 0, 1, 0.5f, 2, 0, 0, Rgba.BLACK, Rgba.WHITE);
  }

  /**
   * A regular polygon inscribed in the circle of radius {@code R = min(W, H)/2} centred at pixel
   * coordinates {@code (W/2, H/2)}, on {@code bgColor}. At rotation 0 the bottom edge is horizontal (a
   * triangle points up); positive rotation turns the shape clockwise on screen. The edge ramps over
   * {@code ±softness·R}, or over ±0.5 pixel when {@code softness ≤ 0}.
   *
   * @param image modified in place
   * @param sides number of sides, at least 3
   * @param rotation clockwise rotation in degrees, any value
   * @param softness edge width relative to the circumradius, any value
   * @throws IllegalArgumentException if {@code sides < 3} ("at least 3 sides")
   */
  public static void ngon(Image image, int sides, Rgba color, Rgba bgColor, float rotation, float softness) {
    Check.usable("Fill.ngon", "image", image);
    Check.atLeast("Fill.ngon", "sides", sides, 3);
    Check.color("Fill.ngon", "color", color);
    Check.color("Fill.ngon", "bgColor", bgColor);
    image.backendImpl().fill().ngon(image.storage(), image.width(), image.height(), sides, color, bgColor,
        rotation, softness);
  }

  /** {@link #ngon(Image, int, Rgba, Rgba, float, float)}: a hard-edged white triangle on transparent black. */
  public static void ngon(Image image) {
    ngon(image, 3, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0);
  }
}
