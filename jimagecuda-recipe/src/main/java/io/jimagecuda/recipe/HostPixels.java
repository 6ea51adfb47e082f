package io.jimagecuda.recipe;

import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;

/** Host copies of an image's pixels. */
final class HostPixels {
  private HostPixels() {
  }

  /**
   * The logical area of {@code image} as 8-bit RGBA bytes, converted on the image's own backend exactly as
   * a saved file would be ({@link Images#convertFloatToU8}).
   */
  static byte[] rgba8(Image image) {
    try (ImageU8 u8 = new ImageU8(image.width(), image.height(), image.backend())) {
      Images.convertFloatToU8(u8, image);
      return Images.download(u8);
    }
  }
}
