package io.jimagecuda;

import io.jimagecuda.internal.Check;

/**
 * Pattern generators: each one overwrites every pixel of an image's logical area, in place, on the
 * image's backend.
 *
 * <pre>{@code
 * try (Image img = new Image(512, 512)) {
 *   Fill.checkerboard(img);                                    // grey 20-pixel checks
 *   Fill.perlin(img, Fill.Perlin.DEFAULTS.withScale(100).withOctaves(6)
 *       .withColors(Rgba.rgb(0.1f, 0.2f, 0.4f), Rgba.rgb(0.9f, 0.8f, 0.6f)));
 * }
 * }</pre>
 *
 * <p><b>Parameters.</b> Required parameters are positional; the optional ones of each generator are an
 * immutable options record nested here ({@link Perlin}, {@link Checkerboard}, ...) whose
 * {@code DEFAULTS} hold PyImageCUDA's defaults and whose {@code withX} methods return changed copies. Each
 * generator also has a short overload taking the defaults. Records do not validate: the generator does,
 * and its message names it.
 *
 * <p><b>Coordinates.</b> Pixel {@code (x, y)} has integer coordinates, x to the right and y downwards from
 * the top-left pixel. Colours are written as given, never clamped, alpha included.
 *
 * <p><b>Compatibility.</b> The formulas are those of PyImageCUDA 0.1.4 (including its choices, such as
 * the opposite offset sign of {@link #dots}); the few places where JImageCUDA does better are listed in
 * {@code docs/deviations.md}. The CPU and CUDA backends give the same values to within 1e-4.
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image, colour, direction
 * or options record, {@link IllegalStateException} if the image was freed, and
 * {@link IllegalArgumentException} for the out-of-range parameters it names. Floating-point parameters
 * that are not checked accept any finite value; NaN or infinite values give NaN or flat results, as in
 * the reference.
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Fill {
  /** Largest number of Perlin octaves; beyond ~24 the octaves add nothing at float precision. */
  public static final int MAX_OCTAVES = 32;

  private static final Rgba LIGHT_GREY = new Rgba(0.8f, 0.8f, 0.8f, 1);
  private static final Rgba GREY = new Rgba(0.5f, 0.5f, 0.5f, 1);

  private Fill() {
  }

  // ---------------------------------------------------------------- options records

  /**
   * Options of {@link #gradient(Image, Rgba, Rgba, Gradient)}.
   *
   * @param direction where colour 1 turns into colour 2; default {@link GradientDirection#HORIZONTAL}
   * @param seamless whether the gradient returns to colour 1 at the far end; default {@code false}
   */
  public record Gradient(GradientDirection direction, boolean seamless) {
    /** Horizontal, not seamless. */
    public static final Gradient DEFAULTS = new Gradient(GradientDirection.HORIZONTAL, false);

    /**
     * A copy with {@code direction} changed.
     *
     * @param direction where colour 1 turns into colour 2
     * @return a new {@code Gradient} with the other components of this one
     */
    public Gradient withDirection(GradientDirection direction) {
      return new Gradient(direction, seamless);
    }

    /**
     * A copy with {@code seamless} changed.
     *
     * @param seamless whether the gradient returns to colour 1 at the far end
     * @return a new {@code Gradient} with the other components of this one
     */
    public Gradient withSeamless(boolean seamless) {
      return new Gradient(direction, seamless);
    }
  }

  /**
   * Options of {@link #checkerboard(Image, Checkerboard)}.
   *
   * @param size side of a square in pixels, at least 1; default 20
   * @param color1 the colour of the top-left square at offset 0; default grey 0.8
   * @param color2 the other colour; default grey 0.5
   * @param offsetX pattern shift in pixels (positive moves it left), any value; default 0
   * @param offsetY pattern shift in pixels (positive moves it up), any value; default 0
   */
  public record Checkerboard(int size, Rgba color1, Rgba color2, int offsetX, int offsetY) {
    /** 20-pixel squares of opaque grey 0.8 and 0.5, no offset. */
    public static final Checkerboard DEFAULTS = new Checkerboard(20, LIGHT_GREY, GREY, 0, 0);

    /**
     * A copy with {@code size} changed.
     *
     * @param size side of a square in pixels, at least 1
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withSize(int size) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }

    /**
     * A copy with {@code color1} changed.
     *
     * @param color1 the colour of the top-left square at offset 0
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withColor1(Rgba color1) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }

    /**
     * A copy with {@code color2} changed.
     *
     * @param color2 the other colour
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withColor2(Rgba color2) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }

    /**
     * A copy with both colours changed.
     *
     * @param color1 the colour of the top-left square at offset 0
     * @param color2 the other colour
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withColors(Rgba color1, Rgba color2) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }

    /**
     * A copy with {@code offsetX} changed.
     *
     * @param offsetX pattern shift in pixels (positive moves it left), any value
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withOffsetX(int offsetX) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }

    /**
     * A copy with {@code offsetY} changed.
     *
     * @param offsetY pattern shift in pixels (positive moves it up), any value
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withOffsetY(int offsetY) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }

    /**
     * A copy with both offsets changed.
     *
     * @param offsetX pattern shift in pixels (positive moves it left), any value
     * @param offsetY pattern shift in pixels (positive moves it up), any value
     * @return a new {@code Checkerboard} with the other components of this one
     */
    public Checkerboard withOffset(int offsetX, int offsetY) {
      return new Checkerboard(size, color1, color2, offsetX, offsetY);
    }
  }

  /**
   * Options of {@link #grid(Image, Grid)}.
   *
   * @param spacing cell size in pixels, at least 1; default 50
   * @param lineWidth line width in pixels, at least 1; default 1
   * @param color the lines; default opaque grey 0.5
   * @param bgColor between the lines; default transparent black
   * @param offsetX pattern shift in pixels (positive moves it left), any value; default 0
   * @param offsetY pattern shift in pixels (positive moves it up), any value; default 0
   */
  public record Grid(int spacing, int lineWidth, Rgba color, Rgba bgColor, int offsetX, int offsetY) {
    /** 1-pixel grey lines every 50 pixels on transparent black. */
    public static final Grid DEFAULTS = new Grid(50, 1, GREY, Rgba.TRANSPARENT, 0, 0);

    /**
     * A copy with {@code spacing} changed.
     *
     * @param spacing cell size in pixels, at least 1
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withSpacing(int spacing) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }

    /**
     * A copy with {@code lineWidth} changed.
     *
     * @param lineWidth line width in pixels, at least 1
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withLineWidth(int lineWidth) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }

    /**
     * A copy with {@code color} changed.
     *
     * @param color the lines
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withColor(Rgba color) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }

    /**
     * A copy with {@code bgColor} changed.
     *
     * @param bgColor between the lines
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withBgColor(Rgba bgColor) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }

    /**
     * A copy with {@code offsetX} changed.
     *
     * @param offsetX pattern shift in pixels (positive moves it left), any value
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withOffsetX(int offsetX) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }

    /**
     * A copy with {@code offsetY} changed.
     *
     * @param offsetY pattern shift in pixels (positive moves it up), any value
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withOffsetY(int offsetY) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }

    /**
     * A copy with both offsets changed.
     *
     * @param offsetX pattern shift in pixels (positive moves it left), any value
     * @param offsetY pattern shift in pixels (positive moves it up), any value
     * @return a new {@code Grid} with the other components of this one
     */
    public Grid withOffset(int offsetX, int offsetY) {
      return new Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY);
    }
  }

  /**
   * Options of {@link #stripes(Image, Stripes)}.
   *
   * @param angle direction across the stripes in degrees, any value; default 45
   * @param spacing period in pixels, at least 1; default 40
   * @param width width of the {@code color1} band in pixels, any value (≤ 0: no band); default 20
   * @param color1 the bands; default opaque white
   * @param color2 between the bands; default transparent black
   * @param offset shift along the period in pixels, any value; default 0
   */
  public record Stripes(float angle, int spacing, int width, Rgba color1, Rgba color2, int offset) {
    /** White 20-pixel bands at 45°, period 40, on transparent black. */
    public static final Stripes DEFAULTS = new Stripes(45, 40, 20, Rgba.WHITE, Rgba.TRANSPARENT, 0);

    /**
     * A copy with {@code angle} changed.
     *
     * @param angle direction across the stripes in degrees, any value
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withAngle(float angle) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }

    /**
     * A copy with {@code spacing} changed.
     *
     * @param spacing period in pixels, at least 1
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withSpacing(int spacing) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }

    /**
     * A copy with {@code width} changed.
     *
     * @param width width of the {@code color1} band in pixels, any value (≤ 0: no band)
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withWidth(int width) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }

    /**
     * A copy with {@code color1} changed.
     *
     * @param color1 the bands
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withColor1(Rgba color1) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }

    /**
     * A copy with {@code color2} changed.
     *
     * @param color2 between the bands
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withColor2(Rgba color2) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }

    /**
     * A copy with both colours changed.
     *
     * @param color1 the bands
     * @param color2 between the bands
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withColors(Rgba color1, Rgba color2) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }

    /**
     * A copy with {@code offset} changed.
     *
     * @param offset shift along the period in pixels, any value
     * @return a new {@code Stripes} with the other components of this one
     */
    public Stripes withOffset(int offset) {
      return new Stripes(angle, spacing, width, color1, color2, offset);
    }
  }

  /**
   * Options of {@link #dots(Image, Dots)}.
   *
   * @param spacing lattice period in pixels, at least 1; default 40
   * @param radius dot radius in pixels, any value; default 10
   * @param color the dots; default opaque white
   * @param bgColor between the dots; default transparent black
   * @param offsetX lattice shift in pixels (positive moves the dots right), any value; default 0
   * @param offsetY lattice shift in pixels (positive moves the dots down), any value; default 0
   * @param softness edge width relative to the radius, any value (≤ 0: a 1-pixel antialiased edge);
   *     default 0
   */
  public record Dots(int spacing, float radius, Rgba color, Rgba bgColor, int offsetX, int offsetY,
      float softness) {
    /** White dots of radius 10 every 40 pixels on transparent black, hard edges. */
    public static final Dots DEFAULTS = new Dots(40, 10, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0, 0);

    /**
     * A copy with {@code spacing} changed.
     *
     * @param spacing lattice period in pixels, at least 1
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withSpacing(int spacing) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with {@code radius} changed.
     *
     * @param radius dot radius in pixels, any value
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withRadius(float radius) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with {@code color} changed.
     *
     * @param color the dots
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withColor(Rgba color) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with {@code bgColor} changed.
     *
     * @param bgColor between the dots
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withBgColor(Rgba bgColor) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with {@code offsetX} changed.
     *
     * @param offsetX lattice shift in pixels (positive moves the dots right), any value
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withOffsetX(int offsetX) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with {@code offsetY} changed.
     *
     * @param offsetY lattice shift in pixels (positive moves the dots down), any value
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withOffsetY(int offsetY) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with both offsets changed.
     *
     * @param offsetX lattice shift in pixels (positive moves the dots right), any value
     * @param offsetY lattice shift in pixels (positive moves the dots down), any value
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withOffset(int offsetX, int offsetY) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }

    /**
     * A copy with {@code softness} changed.
     *
     * @param softness edge width relative to the radius, any value (≤ 0: a 1-pixel antialiased edge)
     * @return a new {@code Dots} with the other components of this one
     */
    public Dots withSoftness(float softness) {
      return new Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness);
    }
  }

  /**
   * Options of {@link #circle(Image, Circle)}.
   *
   * @param color the disc; default opaque white
   * @param bgColor around it; default transparent black
   * @param softness edge width relative to the radius, any value (≤ 0: a 1-pixel antialiased edge);
   *     default 0
   */
  public record Circle(Rgba color, Rgba bgColor, float softness) {
    /** A hard-edged white disc on transparent black. */
    public static final Circle DEFAULTS = new Circle(Rgba.WHITE, Rgba.TRANSPARENT, 0);

    /**
     * A copy with {@code color} changed.
     *
     * @param color the disc
     * @return a new {@code Circle} with the other components of this one
     */
    public Circle withColor(Rgba color) {
      return new Circle(color, bgColor, softness);
    }

    /**
     * A copy with {@code bgColor} changed.
     *
     * @param bgColor around it
     * @return a new {@code Circle} with the other components of this one
     */
    public Circle withBgColor(Rgba bgColor) {
      return new Circle(color, bgColor, softness);
    }

    /**
     * A copy with {@code softness} changed.
     *
     * @param softness edge width relative to the radius, any value (≤ 0: a 1-pixel antialiased edge)
     * @return a new {@code Circle} with the other components of this one
     */
    public Circle withSoftness(float softness) {
      return new Circle(color, bgColor, softness);
    }
  }

  /**
   * Options of {@link #noise(Image, Noise)}.
   *
   * @param seed any value; integers are a good choice; default 0
   * @param monochrome grey noise if {@code true} (default), else independent red, green and blue
   */
  public record Noise(float seed, boolean monochrome) {
    /** Grey noise with seed 0. */
    public static final Noise DEFAULTS = new Noise(0, true);

    /**
     * A copy with {@code seed} changed.
     *
     * @param seed any value; integers are a good choice
     * @return a new {@code Noise} with the other components of this one
     */
    public Noise withSeed(float seed) {
      return new Noise(seed, monochrome);
    }

    /**
     * A copy with {@code monochrome} changed.
     *
     * @param monochrome grey noise if {@code true} (default), else independent red, green and blue
     * @return a new {@code Noise} with the other components of this one
     */
    public Noise withMonochrome(boolean monochrome) {
      return new Noise(seed, monochrome);
    }
  }

  /**
   * Options of {@link #perlin(Image, Perlin)}.
   *
   * @param scale feature size in pixels, {@code > 0}; default 50
   * @param seed any value; each octave uses {@code seed + 13.5·octave}; default 0
   * @param octaves 1 to {@link #MAX_OCTAVES}; default 1
   * @param persistence amplitude factor per octave, any value (typically 0.3–0.7); default 0.5
   * @param lacunarity frequency factor per octave, any value (typically 2); default 2
   * @param offsetX pattern shift in pixels (positive moves it left), any value; default 0
   * @param offsetY pattern shift in pixels (positive moves it up), any value; default 0
   * @param color1 the low end; default opaque black
   * @param color2 the high end; default opaque white
   */
  public record Perlin(float scale, float seed, int octaves, float persistence, float lacunarity,
      float offsetX, float offsetY, Rgba color1, Rgba color2) {
    /** One octave at scale 50, seed 0, from black to white. */
    public static final Perlin DEFAULTS = new Perlin(50, 0, 1, 0.5f, 2, 0, 0, Rgba.BLACK, Rgba.WHITE);

    /**
     * A copy with {@code scale} changed.
     *
     * @param scale feature size in pixels, {@code > 0}
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withScale(float scale) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code seed} changed.
     *
     * @param seed any value; each octave uses {@code seed + 13.5·octave}
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withSeed(float seed) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code octaves} changed.
     *
     * @param octaves 1 to {@link #MAX_OCTAVES}
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withOctaves(int octaves) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code persistence} changed.
     *
     * @param persistence amplitude factor per octave, any value (typically 0.3–0.7)
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withPersistence(float persistence) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code lacunarity} changed.
     *
     * @param lacunarity frequency factor per octave, any value (typically 2)
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withLacunarity(float lacunarity) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code offsetX} changed.
     *
     * @param offsetX pattern shift in pixels (positive moves it left), any value
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withOffsetX(float offsetX) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code offsetY} changed.
     *
     * @param offsetY pattern shift in pixels (positive moves it up), any value
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withOffsetY(float offsetY) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with both offsets changed.
     *
     * @param offsetX pattern shift in pixels (positive moves it left), any value
     * @param offsetY pattern shift in pixels (positive moves it up), any value
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withOffset(float offsetX, float offsetY) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code color1} changed.
     *
     * @param color1 the low end
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withColor1(Rgba color1) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with {@code color2} changed.
     *
     * @param color2 the high end
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withColor2(Rgba color2) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }

    /**
     * A copy with both colours changed.
     *
     * @param color1 the low end
     * @param color2 the high end
     * @return a new {@code Perlin} with the other components of this one
     */
    public Perlin withColors(Rgba color1, Rgba color2) {
      return new Perlin(scale, seed, octaves, persistence, lacunarity, offsetX, offsetY, color1, color2);
    }
  }

  /**
   * Options of {@link #ngon(Image, Ngon)}.
   *
   * @param sides number of sides, at least 3; default 3
   * @param color the polygon; default opaque white
   * @param bgColor around it; default transparent black
   * @param rotation clockwise rotation in degrees, any value; default 0
   * @param softness edge width relative to the circumradius, any value (≤ 0: a 1-pixel antialiased edge);
   *     default 0
   */
  public record Ngon(int sides, Rgba color, Rgba bgColor, float rotation, float softness) {
    /** A hard-edged white triangle on transparent black, pointing up. */
    public static final Ngon DEFAULTS = new Ngon(3, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0);

    /**
     * A copy with {@code sides} changed.
     *
     * @param sides number of sides, at least 3
     * @return a new {@code Ngon} with the other components of this one
     */
    public Ngon withSides(int sides) {
      return new Ngon(sides, color, bgColor, rotation, softness);
    }

    /**
     * A copy with {@code color} changed.
     *
     * @param color the polygon
     * @return a new {@code Ngon} with the other components of this one
     */
    public Ngon withColor(Rgba color) {
      return new Ngon(sides, color, bgColor, rotation, softness);
    }

    /**
     * A copy with {@code bgColor} changed.
     *
     * @param bgColor around it
     * @return a new {@code Ngon} with the other components of this one
     */
    public Ngon withBgColor(Rgba bgColor) {
      return new Ngon(sides, color, bgColor, rotation, softness);
    }

    /**
     * A copy with {@code rotation} changed.
     *
     * @param rotation clockwise rotation in degrees, any value
     * @return a new {@code Ngon} with the other components of this one
     */
    public Ngon withRotation(float rotation) {
      return new Ngon(sides, color, bgColor, rotation, softness);
    }

    /**
     * A copy with {@code softness} changed.
     *
     * @param softness edge width relative to the circumradius, any value (≤ 0: a 1-pixel antialiased edge)
     * @return a new {@code Ngon} with the other components of this one
     */
    public Ngon withSoftness(float softness) {
      return new Ngon(sides, color, bgColor, rotation, softness);
    }
  }

  // ---------------------------------------------------------------- generators

  /**
   * Sets every pixel to {@code rgba}.
   *
   * @param image modified in place
   * @param rgba the colour, any values
   */
  public static void color(Image image, Rgba rgba) {
    Check.usable("Fill.color", "image", image);
    Check.color("Fill.color", "rgba", rgba);
    try (Use u = Use.of("Fill.color", image)) {
      image.backendImpl().fill().color(image.storage(), image.width(), image.height(), rgba);
    }
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
   * @param rgba1 the start colour, any values
   * @param rgba2 the end colour, any values
   * @param options direction and seamlessness; {@link Gradient#DEFAULTS}: horizontal, not seamless
   */
  public static void gradient(Image image, Rgba rgba1, Rgba rgba2, Gradient options) {
    Check.usable("Fill.gradient", "image", image);
    Check.color("Fill.gradient", "rgba1", rgba1);
    Check.color("Fill.gradient", "rgba2", rgba2);
    Check.notNull("Fill.gradient", "options", options);
    Check.notNull("Fill.gradient", "direction", options.direction());
    try (Use u = Use.of("Fill.gradient", image)) {
      image.backendImpl().fill().gradient(image.storage(), image.width(), image.height(), rgba1, rgba2,
          options.direction(), options.seamless());
    }
  }

  /**
   * {@link #gradient(Image, Rgba, Rgba, Gradient)} in {@code direction}, not seamless.
   *
   * @param image modified in place
   * @param rgba1 the start colour, any values
   * @param rgba2 the end colour, any values
   * @param direction where colour 1 turns into colour 2
   */
  public static void gradient(Image image, Rgba rgba1, Rgba rgba2, GradientDirection direction) {
    gradient(image, rgba1, rgba2, Gradient.DEFAULTS.withDirection(direction));
  }

  /**
   * {@link #gradient(Image, Rgba, Rgba, Gradient)}: horizontal, not seamless.
   *
   * @param image modified in place
   * @param rgba1 the colour at the left edge, any values
   * @param rgba2 the colour at the right edge, any values
   */
  public static void gradient(Image image, Rgba rgba1, Rgba rgba2) {
    gradient(image, rgba1, rgba2, Gradient.DEFAULTS);
  }

  /**
   * Checkerboard of {@code size × size} squares with hard edges: pixel {@code (x, y)} is {@code color1}
   * when {@code floor((x + offsetX)/size) + floor((y + offsetY)/size)} is even, else {@code color2}. With
   * offsets 0 the top-left square is {@code color1}; positive offsets move the pattern left and up.
   *
   * @param image modified in place
   * @param options size, colours and offsets; see {@link Checkerboard}
   * @throws IllegalArgumentException if {@code size ≤ 0} ("must be positive")
   */
  public static void checkerboard(Image image, Checkerboard options) {
    Check.usable("Fill.checkerboard", "image", image);
    Check.notNull("Fill.checkerboard", "options", options);
    Check.positive("Fill.checkerboard", "size", options.size());
    Check.color("Fill.checkerboard", "color1", options.color1());
    Check.color("Fill.checkerboard", "color2", options.color2());
    try (Use u = Use.of("Fill.checkerboard", image)) {
      image.backendImpl().fill().checkerboard(image.storage(), image.width(), image.height(), options.size(),
          options.color1(), options.color2(), options.offsetX(), options.offsetY());
    }
  }

  /**
   * {@link #checkerboard(Image, Checkerboard)} with {@code size}-pixel squares of grey 0.8 and 0.5.
   *
   * @param image modified in place
   * @param size side of a square in pixels, at least 1
   * @throws IllegalArgumentException if {@code size ≤ 0} ("must be positive")
   */
  public static void checkerboard(Image image, int size) {
    checkerboard(image, Checkerboard.DEFAULTS.withSize(size));
  }

  /**
   * {@link #checkerboard(Image, Checkerboard)} with 20-pixel squares of grey 0.8 and 0.5.
   *
   * @param image modified in place
   */
  public static void checkerboard(Image image) {
    checkerboard(image, Checkerboard.DEFAULTS);
  }

  /**
   * Grid of lines {@code lineWidth} pixels wide along the left and top edge of every
   * {@code spacing × spacing} cell, without antialiasing: pixel {@code (x, y)} is {@code color} when
   * {@code (x + offsetX) mod spacing < lineWidth} or {@code (y + offsetY) mod spacing < lineWidth}, else
   * {@code bgColor}. {@code lineWidth ≥ spacing} fills the image with {@code color}.
   *
   * @param image modified in place
   * @param options spacing, line width, colours and offsets; see {@link Grid}
   * @throws IllegalArgumentException if {@code spacing} or {@code lineWidth} is not positive
   */
  public static void grid(Image image, Grid options) {
    Check.usable("Fill.grid", "image", image);
    Check.notNull("Fill.grid", "options", options);
    Check.positive("Fill.grid", "spacing", options.spacing());
    Check.positive("Fill.grid", "lineWidth", options.lineWidth());
    Check.color("Fill.grid", "color", options.color());
    Check.color("Fill.grid", "bgColor", options.bgColor());
    try (Use u = Use.of("Fill.grid", image)) {
      image.backendImpl().fill().grid(image.storage(), image.width(), image.height(), options.spacing(),
          options.lineWidth(), options.color(), options.bgColor(), options.offsetX(), options.offsetY());
    }
  }

  /**
   * {@link #grid(Image, Grid)}: 1-pixel grey lines every 50 pixels, transparent.
   *
   * @param image modified in place
   */
  public static void grid(Image image) {
    grid(image, Grid.DEFAULTS);
  }

  /**
   * Parallel stripes with 1-pixel antialiased edges. Along {@code p = x·cos θ + y·sin θ + offset}, each
   * period of {@code spacing} pixels has a {@code color1} band from about {@code p ≡ 0.5} to
   * {@code p ≡ width}, then {@code color2}. Angle 0 gives vertical bands, 90 horizontal ones, 45 bands
   * running "/" on screen. A 1-pixel {@code color2} seam remains at every period start even when
   * {@code width ≥ spacing}.
   *
   * @param image modified in place
   * @param options angle, period, band width, colours and offset; see {@link Stripes}
   * @throws IllegalArgumentException if {@code spacing ≤ 0}
   */
  public static void stripes(Image image, Stripes options) {
    Check.usable("Fill.stripes", "image", image);
    Check.notNull("Fill.stripes", "options", options);
    Check.finite("Fill.stripes", "angle", options.angle());
    Check.positive("Fill.stripes", "spacing", options.spacing());
    Check.color("Fill.stripes", "color1", options.color1());
    Check.color("Fill.stripes", "color2", options.color2());
    try (Use u = Use.of("Fill.stripes", image)) {
      image.backendImpl().fill().stripes(image.storage(), image.width(), image.height(), options.angle(),
          options.spacing(), options.width(), options.color1(), options.color2(), options.offset());
    }
  }

  /**
   * {@link #stripes(Image, Stripes)}: white 20-pixel bands at 45°, period 40.
   *
   * @param image modified in place
   */
  public static void stripes(Image image) {
    stripes(image, Stripes.DEFAULTS);
  }

  /**
   * Round dots on a square lattice: one dot per {@code spacing × spacing} cell, centred at pixel
   * {@code offset + spacing/2} modulo {@code spacing} along each axis (positive offsets move the dots
   * right and down, unlike the other patterns). The edge ramps over {@code ±softness·radius} around the
   * radius, or over ±0.5 pixel when {@code softness ≤ 0}. Each cell is drawn alone, so dots with
   * {@code radius > spacing/2} are cut square at the cell border.
   *
   * @param image modified in place
   * @param options lattice, radius, colours, offsets and softness; see {@link Dots}
   * @throws IllegalArgumentException if {@code spacing ≤ 0}
   */
  public static void dots(Image image, Dots options) {
    Check.usable("Fill.dots", "image", image);
    Check.notNull("Fill.dots", "options", options);
    Check.finite("Fill.dots", "radius", options.radius());
    Check.finite("Fill.dots", "softness", options.softness());
    Check.positive("Fill.dots", "spacing", options.spacing());
    Check.color("Fill.dots", "color", options.color());
    Check.color("Fill.dots", "bgColor", options.bgColor());
    try (Use u = Use.of("Fill.dots", image)) {
      image.backendImpl().fill().dots(image.storage(), image.width(), image.height(), options.spacing(),
          options.radius(), options.color(), options.bgColor(), options.offsetX(), options.offsetY(),
          options.softness());
    }
  }

  /**
   * {@link #dots(Image, Dots)}: white dots of radius 10 every 40 pixels.
   *
   * @param image modified in place
   */
  public static void dots(Image image) {
    dots(image, Dots.DEFAULTS);
  }

  /**
   * A disc of radius {@code R = min(W, H)/2} centred at pixel coordinates {@code (W/2, H/2)}, on
   * {@code bgColor}. The edge ramps over {@code R ± softness·R}, or over ±0.5 pixel when
   * {@code softness ≤ 0}; softness 1 fades from the centre out to {@code 2R}.
   *
   * @param image modified in place
   * @param options colours and softness; see {@link Circle}
   */
  public static void circle(Image image, Circle options) {
    Check.usable("Fill.circle", "image", image);
    Check.notNull("Fill.circle", "options", options);
    Check.finite("Fill.circle", "softness", options.softness());
    Check.color("Fill.circle", "color", options.color());
    Check.color("Fill.circle", "bgColor", options.bgColor());
    try (Use u = Use.of("Fill.circle", image)) {
      image.backendImpl().fill().circle(image.storage(), image.width(), image.height(), options.color(),
          options.bgColor(), options.softness());
    }
  }

  /**
   * {@link #circle(Image, Circle)}: a hard-edged white disc on transparent black.
   *
   * @param image modified in place
   */
  public static void circle(Image image) {
    circle(image, Circle.DEFAULTS);
  }

  /**
   * White noise in [0, 1) from a sine hash of the pixel coordinates, alpha 1: grey when
   * {@code monochrome}, else independent red, green and blue. The same seed gives the same image on both
   * backends; change the seed to animate.
   *
   * @param image modified in place
   * @param options seed and monochrome; see {@link Noise}
   */
  public static void noise(Image image, Noise options) {
    Check.usable("Fill.noise", "image", image);
    Check.notNull("Fill.noise", "options", options);
    Check.finite("Fill.noise", "seed", options.seed());
    try (Use u = Use.of("Fill.noise", image)) {
      image.backendImpl().fill().noise(image.storage(), image.width(), image.height(), options.seed(),
          options.monochrome());
    }
  }

  /**
   * {@link #noise(Image, Noise)}: grey noise with {@code seed}.
   *
   * @param image modified in place
   * @param seed any value; integers are a good choice
   */
  public static void noise(Image image, float seed) {
    noise(image, Noise.DEFAULTS.withSeed(seed));
  }

  /**
   * {@link #noise(Image, Noise)}: grey noise with seed 0.
   *
   * @param image modified in place
   */
  public static void noise(Image image) {
    noise(image, Noise.DEFAULTS);
  }

  /**
   * Fractal Perlin noise mapped from {@code color1} to {@code color2} (all four channels). Pixel
   * {@code (x, y)} samples gradient noise at {@code ((x + offsetX)/scale, (y + offsetY)/scale)}; each
   * further octave multiplies the frequency by {@code lacunarity} and the amplitude by
   * {@code persistence}, and the sum is normalised. The result stays within about 15–85 % of the way
   * from {@code color1} to {@code color2} (narrower with more octaves), never reaching either colour.
   *
   * @param image modified in place
   * @param options scale, seed, octaves, persistence, lacunarity, offsets and colours; see {@link Perlin}
   * @throws IllegalArgumentException if {@code scale ≤ 0} or NaN ("must be positive"), or
   *     {@code octaves} is not in 1..32
   */
  public static void perlin(Image image, Perlin options) {
    Check.usable("Fill.perlin", "image", image);
    Check.notNull("Fill.perlin", "options", options);
    Check.finite("Fill.perlin", "seed", options.seed());
    Check.finite("Fill.perlin", "persistence", options.persistence());
    Check.finite("Fill.perlin", "lacunarity", options.lacunarity());
    Check.finite("Fill.perlin", "offsetX", options.offsetX());
    Check.finite("Fill.perlin", "offsetY", options.offsetY());
    Check.positive("Fill.perlin", "scale", options.scale());
    Check.range("Fill.perlin", "octaves", options.octaves(), 1, MAX_OCTAVES);
    Check.color("Fill.perlin", "color1", options.color1());
    Check.color("Fill.perlin", "color2", options.color2());
    try (Use u = Use.of("Fill.perlin", image)) {
      image.backendImpl().fill().perlin(image.storage(), image.width(), image.height(), options.scale(),
          options.seed(), options.octaves(), options.persistence(), options.lacunarity(), options.offsetX(),
          options.offsetY(), options.color1(), options.color2());
    }
  }

  /**
   * {@link #perlin(Image, Perlin)}: one octave at scale 50, seed 0, from black to white.
   *
   * @param image modified in place
   */
  public static void perlin(Image image) {
    perlin(image, Perlin.DEFAULTS);
  }

  /**
   * A regular polygon inscribed in the circle of radius {@code R = min(W, H)/2} centred at pixel
   * coordinates {@code (W/2, H/2)}, on {@code bgColor}. At rotation 0 the bottom edge is horizontal (a
   * triangle points up); positive rotation turns the shape clockwise on screen. The edge ramps over
   * {@code ±softness·R}, or over ±0.5 pixel when {@code softness ≤ 0}.
   *
   * @param image modified in place
   * @param options sides, colours, rotation and softness; see {@link Ngon}
   * @throws IllegalArgumentException if {@code sides < 3} ("at least 3 sides")
   */
  public static void ngon(Image image, Ngon options) {
    Check.usable("Fill.ngon", "image", image);
    Check.notNull("Fill.ngon", "options", options);
    Check.finite("Fill.ngon", "rotation", options.rotation());
    Check.finite("Fill.ngon", "softness", options.softness());
    Check.atLeast("Fill.ngon", "sides", options.sides(), 3);
    Check.color("Fill.ngon", "color", options.color());
    Check.color("Fill.ngon", "bgColor", options.bgColor());
    try (Use u = Use.of("Fill.ngon", image)) {
      image.backendImpl().fill().ngon(image.storage(), image.width(), image.height(), options.sides(),
          options.color(), options.bgColor(), options.rotation(), options.softness());
    }
  }

  /**
   * {@link #ngon(Image, Ngon)}: a hard-edged white polygon of {@code sides} sides on transparent black.
   *
   * @param image modified in place
   * @param sides number of sides, at least 3
   * @throws IllegalArgumentException if {@code sides < 3} ("at least 3 sides")
   */
  public static void ngon(Image image, int sides) {
    ngon(image, Ngon.DEFAULTS.withSides(sides));
  }

  /**
   * {@link #ngon(Image, Ngon)}: a hard-edged white triangle on transparent black.
   *
   * @param image modified in place
   */
  public static void ngon(Image image) {
    ngon(image, Ngon.DEFAULTS);
  }
}
