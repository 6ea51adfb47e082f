package io.jimagecuda;

import io.jimagecuda.internal.backend.PixelFormat;

/**
 * A float32 RGBA image (16 bytes per pixel, nominal range 0..1, straight alpha) in the memory of one
 * backend. Every processing operation takes this kind. The range is not enforced: operations may produce
 * values outside 0..1; only {@link Images#convertFloatToU8} clamps.
 *
 * <pre>{@code
 * try (Image img = new Image(800, 600)) {
 *   Fill.gradient(img, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.RADIAL, false);
 *   Images.save(img, Path.of("out.png"));
 * }
 * }</pre>
 *
 * <p>New images are zero-filled (transparent black). See {@link ImageBase} for capacity, release and
 * threading rules.
 */
public final class Image extends ImageBase {
  /**
   * Creates a zero-filled image on the {@linkplain JImageCuda#defaultBackend() default backend}.
   *
   * @param width the width in pixels, 1..32768
   * @param height the height in pixels, 1..32768
   * @throws IllegalArgumentException if a side is not in 1..32768
   * @throws OutOfDeviceMemoryException if the device has too little free memory
   */
  public Image(int width, int height) {
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
  public Image(int width, int height, BackendKind backend) {
    super(width, height, backend, PixelFormat.F32);
  }

  private Image(int width, int height, BackendKind backend, boolean zeroed) {
    super(width, height, backend, PixelFormat.F32, zeroed);
  }

  /**
   * A new image for an operation's result that the operation then writes in full (every pixel of its
   * logical area), so its memory is not cleared first. Only for the library's own producers.
   */
  static Image forResult(int width, int height, BackendKind backend) {
    return new Image(width, height, backend, false);
  }

  @Override
  public int bytesPerPixel() {
    return 16;
  }
}
