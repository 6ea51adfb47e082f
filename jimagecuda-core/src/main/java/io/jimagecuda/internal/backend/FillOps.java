package io.jimagecuda.internal.backend;

import io.jimagecuda.GradientDirection;
import io.jimagecuda.Rgba;

/**
 * The ten fill generators (spec §3.1). Each writes every pixel of the {@code width × height} logical area
 * of an F32 storage. Arguments are already validated by {@code Fill}.
 */
public interface FillOps {
  /** See {@link io.jimagecuda.Fill#color}. */
  void color(Storage img, int width, int height, Rgba rgba);

  /** See {@link io.jimagecuda.Fill#gradient}. */
  void gradient(Storage img, int width, int height, Rgba rgba1, Rgba rgba2, GradientDirection direction,
      boolean seamless);

  /** See {@link io.jimagecuda.Fill#checkerboard}. */
  void checkerboard(Storage img, int width, int height, int size, Rgba color1, Rgba color2, int offsetX,
      int offsetY);

  /** See {@link io.jimagecuda.Fill#grid}. */
  void grid(Storage img, int width, int height, int spacing, int lineWidth, Rgba color, Rgba bgColor,
      int offsetX, int offsetY);

  /** See {@link io.jimagecuda.Fill#stripes}; {@code angle} in degrees. */
  void stripes(Storage img, int width, int height, float angle, int spacing, int stripeWidth, Rgba color1,
      Rgba color2, int offset);

  /** See {@link io.jimagecuda.Fill#dots}. */
  void dots(Storage img, int width, int height, int spacing, float radius, Rgba color, Rgba bgColor,
      int offsetX, int offsetY, float softness);

  /** See {@link io.jimagecuda.Fill#circle}. */
  void circle(Storage img, int width, int height, Rgba color, Rgba bgColor, float softness);

  /** See {@link io.jimagecuda.Fill#noise}. */
  void noise(Storage img, int width, int height, float seed, boolean monochrome);

  /** See {@link io.jimagecuda.Fill#perlin}. */
  void perlin(Storage img, int width, int height, float scale, float seed, int octaves, float persistence,
      float lacunarity, float offsetX, float offsetY, Rgba color1, Rgba color2);

  /** See {@link io.jimagecuda.Fill#ngon}; {@code rotation} in degrees. */
  void ngon(Storage img, int width, int height, int sides, Rgba color, Rgba bgColor, float rotation,
      float softness);
}
