package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading and writing image files with the conformance kit's rules ("Loading and saving"). Recipes, the
 * runner and the CLI go through this one interface; {@link #standard()} is the core's {@code Images}, tests
 * may put another codec behind it.
 */
public interface ImageFiles {
  /**
   * Decodes {@code file} to straight 8-bit RGBA (grey becomes RGB, alpha 255 where the file has none,
   * the EXIF orientation is not applied) and returns it as a new float image ({@code v / 255}) on
   * {@code backend}, owned by the caller.
   *
   * @param file the file
   * @param backend where the new image lives
   * @return the new image
   * @throws java.nio.file.NoSuchFileException if there is no such file
   * @throws IOException if the file cannot be read or decoded (the message names it)
   */
  Image load(Path file, BackendKind backend) throws IOException;

  /**
   * Writes {@code image} in the format its extension names ({@code .png}: 8-bit RGBA; also JPEG, BMP,
   * TIFF and WebP, see {@code Images.save}), each channel converted as {@code trunc(clamp(v, 0, 1) · 255 + 0.5)}.
   *
   * @param image the image; not changed
   * @param file the file, replaced if it exists
   * @throws IllegalArgumentException if the extension is not one of those formats (the message lists them)
   * @throws IOException if the file cannot be written
   */
  void save(Image image, Path file) throws IOException;

  /** {@return the core's {@code Images.loadInto} (without EXIF rotation) and {@code Images.save}} */
  static ImageFiles standard() {
    return CoreImageFiles.INSTANCE;
  }
}
