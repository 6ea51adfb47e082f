package io.jimagecuda.internal.backend;

import io.jimagecuda.GradientDirection;
import io.jimagecuda.Rgba;

/**
 * The ten fill generators (spec §3.1). Each writes every pixel of the {@code width × height} logical area
 * of an F32 storage. Arguments are already validated by {@code Fill}.
 */
public interface FillOps {
  void color(Storage img, int width, int height, Rgba rgba);

  void gradient(Storage img, int width, int height, Rgba rgba1, Rgba rgba2, GradientDirection direction,
      boolean seamless);

  void checkerboard(Storage img, int width, int height, int size, Rgba color1, Rgba color2, int offsetX,
      int offsetY);

  void grid(Storage img, int width, int height, int spacing, int lineWidth, Rgba color, Rgba bgColor,
      int offsetX, int offsetY);

  void stripes(Storage img, int width, int height, float angle, int spacing, int stripeWidth, Rgba color1,
      Rgba color2, int offset);

  void dots(Storage img, int width, int height, int spacing, float radius, Rgba color, Rgba bgColor,
      int offsetX, int offsetY, float softness);

  void circle(Storage img, int width, int height, Rgba color, Rgba bgColor, float softness);

  void noise(Storage img, int width, int height, float seed, boolean monochrome);

  void perlin(Storage img, int width, int height, float scale, float seed, int octaves, float persistence,
      float lacunarity, float offsetX, float offsetY, Rgba color1, Rgba color2);

  void ngon(Storage img, int width, int height, int sides, Rgba color, Rgba bgColor, float rotation,
      float softness);
}
