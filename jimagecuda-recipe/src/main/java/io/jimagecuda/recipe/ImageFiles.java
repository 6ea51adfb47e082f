package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading and writing image files with the conformance kit's rules ("Loading and saving"). Recipes,
 * the runner and the CLI go through this one interface, so the codec behind it can change without them.
 */
public interface ImageFiles {
  /**
   * Decodes {@code file} to straight 8-bit RGBA (grey becomes RGB, alpha 255 where the file has none,
   * the EXIF orientation is not applied) and returns it as a new float image ({@code v / 255}) on
   * {@code backend}, owned by the caller.
   *
   * @throws IOException if the file cannot be read or decoded
   */
  Image load(Path file, BackendKind backend) throws IOException;

  /**
   * Writes {@code image} as an 8-bit RGBA PNG of its straight values, each channel converted as
   * {@code trunc(clamp(v, 0, 1) · 255 + 0.5)}.
   *
   * @throws IllegalArgumentException if {@code file} does not end in {@code .png}
   * @throws IOException if the file cannot be written
   */
  void save(Image image, Path file) throws IOException;

  /** The codec of this build. */
  static ImageFiles standard() {
    return ImageIoFiles.INSTANCE;
  }
}
