package io.jimagecuda;

import io.jimagecuda.internal.Check;

/**
 * The ten fill generators (spec §3.1), each in place on the whole logical area of a float image.
 *
 * <p><b>Temporary facade</b> of the {@code cli} branch: it has the planned signatures so that the recipe
 * module compiles, checks only that the arguments are present, and is replaced by the real
 * {@code Fill} (full validation and Javadoc) when the branches are merged.
 */
public final class Fill {
  private Fill() {
  }

  /** Sets every pixel to {@code rgba}. */
  public static void color(Image img, Rgba rgba) {
    Check.usable("Fill.color", "img", img);
    img.backendImpl().fill().color(img.storage(), img.width(), img.height(),
        Check.color("Fill.color", "rgba", rgba));
  }

  /** Linear or radial gradient from {@code rgba1} to {@code rgba2}. */
  public static void gradient(Image img, Rgba rgba1, Rgba rgba2, GradientDirection direction, boolean seamless) {
    Check.usable("Fill.gradient", "img", img);
    img.backendImpl().fill().gradient(img.storage(), img.width(), img.height(),
        Check.color("Fill.gradient", "rgba1", rgba1), Check.color("Fill.gradient", "rgba2", rgba2),
        Check.notNull("Fill.gradient", "direction", direction), seamless);
  }

  /** Checkerboard of {@code size}-pixel cells, {@code color1} at the top-left. */
  public static void checkerboard(Image img, int size, Rgba color1, Rgba color2, int offsetX, int offsetY) {
    Check.usable("Fill.checkerboard", "img", img);
    img.backendImpl().fill().checkerboard(img.storage(), img.width(), img.height(), size,
        Check.color("Fill.checkerboard", "color1", color1), Check.color("Fill.checkerboard", "color2", color2),
        offsetX, offsetY);
  }

  /** Grid lines every {@code spacing} pixels over {@code bgColor}. */
  public static void grid(Image img, int spacing, int lineWidth, Rgba color, Rgba bgColor, int offsetX,
      int offsetY) {
    Check.usable("Fill.grid", "img", img);
    img.backendImpl().fill().grid(img.storage(), img.width(), img.height(), spacing, lineWidth,
        Check.color("Fill.grid", "color", color), Check.color("Fill.grid", "bgColor", bgColor), offsetX, offsetY);
  }

  /** Antialiased stripes at {@code angle} degrees. */
  public static void stripes(Image img, float angle, int spacing, int width, Rgba color1, Rgba color2,
      int offset) {
    Check.usable("Fill.stripes", "img", img);
    img.backendImpl().fill().stripes(img.storage(), img.width(), img.height(), angle, spacing, width,
        Check.color("Fill.stripes", "color1", color1), Check.color("Fill.stripes", "color2", color2), offset);
  }

  /** A lattice of round dots. */
  public static void dots(Image img, int spacing, float radius, Rgba color, Rgba bgColor, int offsetX,
      int offsetY, float softness) {
    Check.usable("Fill.dots", "img", img);
    img.backendImpl().fill().dots(img.storage(), img.width(), img.height(), spacing, radius,
        Check.color("Fill.dots", "color", color), Check.color("Fill.dots", "bgColor", bgColor), offsetX, offsetY,
        softness);
  }

  /** One centred circle filling the shorter side. */
  public static void circle(Image img, Rgba color, Rgba bgColor, float softness) {
    Check.usable("Fill.circle", "img", img);
    img.backendImpl().fill().circle(img.storage(), img.width(), img.height(),
        Check.color("Fill.circle", "color", color), Check.color("Fill.circle", "bgColor", bgColor), softness);
  }

  /** Per-pixel hash noise, grey or per channel; alpha 1. */
  public static void noise(Image img, float seed, boolean monochrome) {
    Check.usable("Fill.noise", "img", img);
    img.backendImpl().fill().noise(img.storage(), img.width(), img.height(), seed, monochrome);
  }

  /** Fractal gradient noise mapped from {@code color1} to {@code color2}. */
  public static void perlin(Image img, float scale, float seed, int octaves, float persistence, float lacunarity,
      float offsetX, float offsetY, Rgba color1, Rgba color2) {
    Check.usable("Fill.perlin", "img", img);
    img.backendImpl().fill().perlin(img.storage(), img.width(), img.height(), scale, seed, octaves, persistence,
        lacunarity, offsetX, offsetY, Check.color("Fill.perlin", "color1", color1),
        Check.color("Fill.perlin", "color2", color2));
  }

  /** A centred regular polygon with {@code sides} sides. */
  public static void ngon(Image img, int sides, Rgba color, Rgba bgColor, float rotation, float softness) {
    Check.usable("Fill.ngon", "img", img);
    img.backendImpl().fill().ngon(img.storage(), img.width(), img.height(), sides,
        Check.color("Fill.ngon", "color", color), Check.color("Fill.ngon", "bgColor", bgColor), rotation, softness);
  }
}
