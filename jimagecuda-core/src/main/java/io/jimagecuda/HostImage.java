package io.jimagecuda;

import io.jimagecuda.internal.Check;

/**
 * An 8-bit RGBA picture in Java heap memory: what a file decodes to on the CPU before it is uploaded, and
 * what is encoded on the CPU after a download. Splitting a load or save into these two halves lets a
 * program decode and encode on its own threads while another thread keeps the device busy (the
 * {@code batch} command does this).
 *
 * <p>Layout: {@code width × height} pixels, row-major, top row first, rows packed, channels R, G, B, A
 * interleaved, straight (not premultiplied) alpha: the host layout of {@link ImageU8}. The array is held,
 * not copied; do not change it while the picture is in use.
 *
 * <pre>{@code
 * HostImage decoded = Images.decode(Files.readAllBytes(path), true);   // any thread
 * try (Image img = Images.fromHostImage(decoded, BackendKind.CUDA)) {  // the device's thread
 *   Adjust.brightness(img, 0.1f);
 *   byte[] jpeg = Images.encode(Images.toHostImage(img), "jpg", 90);  // encode on any thread
 * }
 * }</pre>
 *
 * @param width the width in pixels, 1..32768
 * @param height the height in pixels, 1..32768
 * @param rgba the {@code width·height·4} bytes R, G, B, A
 */
public record HostImage(int width, int height, byte[] rgba) {
  /**
   * Checks the sizes.
   *
   * @param width the width in pixels, 1..32768
   * @param height the height in pixels, 1..32768
   * @param rgba the {@code width·height·4} bytes R, G, B, A
   * @throws IllegalArgumentException if a side is not in 1..32768 or {@code rgba} does not hold exactly
   *     {@code width·height·4} bytes ("Expected n bytes, got m")
   * @throws NullPointerException if {@code rgba} is null
   */
  public HostImage {
    Check.creationSize(width, height);
    Check.notNull("HostImage", "rgba", rgba);
    Check.length("HostImage", "rgba", (long) width * height * 4, rgba.length, "bytes");
  }

  /** {@return "HostImage(640x480)"} */
  @Override
  public String toString() {
    return "HostImage(" + width + "x" + height + ")";
  }
}
