package io.jimagecuda;

import io.jimagecuda.internal.backend.PixelFormat;

/**
 * An 8-bit RGBA image (4 bytes per pixel, straight alpha) in the memory of one backend: the format of
 * files and of OpenGL textures. Made from an {@link Image} with {@link Images#convertFloatToU8} and turned
 * back with {@link Images#convertU8ToFloat}; processing operations take float images only.
 *
 * <p>New images are zero-filled. See {@link ImageBase} for capacity, release and threading rules.
 */
public final class ImageU8 extends ImageBase {
  /**
   * Creates a zero-filled image on the {@linkplain JImageCuda#defaultBackend() default backend}.
   *
   * @param width the width in pixels, 1..32768
   * @param height the height in pixels, 1..32768
   * @throws IllegalArgumentException if a side is not in 1..32768
   */
  public ImageU8(int width, int height) {
    this(width, height, JImageCuda.defaultBackend());
  }

  /**
   * Creates a zero-filled image on the given backend.
   *
   * @param width the width in pixels, 1..32768
   * @param height the height in pixels, 1..32768
   * @param backend where the pixels live
   * @throws IllegalArgumentException if a side is not in 1..32768
   * @throws BackendUnavailableException if that backend cannot run here
   */
  public ImageU8(int width, int height, BackendKind backend) {
    super(width, height, backend, PixelFormat.U8);
  }

  @Override
  public int bytesPerPixel() {
    return 4;
  }
}
