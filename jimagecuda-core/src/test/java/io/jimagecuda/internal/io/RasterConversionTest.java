package io.jimagecuda.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RasterConversion#toRgba8} against Java2D's own {@code getRGB} (straight sRGB ARGB) for the image
 * types decoders hand back: byte-interleaved, int-packed (32-bit BMP, INT_ARGB), premultiplied, and a
 * sub-image whose raster does not start at its array's origin.
 */
class RasterConversionTest {
  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
      BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_3BYTE_BGR})
  void everyPixelEqualsJava2dsReading(int type) {
    BufferedImage img = random(type, 37, 23);
    assertSameAsGetRgb(img, RasterConversion.toRgba8(img));
    BufferedImage sub = img.getSubimage(5, 3, 20, 11); // a raster translated inside the parent's array
    assertSameAsGetRgb(sub, RasterConversion.toRgba8(sub));
  }

  private static BufferedImage random(int type, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, type);
    SplittableRandom random = new SplittableRandom(type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int alpha = type == BufferedImage.TYPE_INT_ARGB_PRE ? 255 : random.nextInt(256); // PRE: exact only opaque
        img.setRGB(x, y, alpha << 24 | random.nextInt(1 << 24));
      }
    }
    return img;
  }

  private static void assertSameAsGetRgb(BufferedImage img, Rgba8 rgba) {
    boolean alpha = img.getColorModel().hasAlpha();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int argb = img.getRGB(x, y);
        int o = (y * img.getWidth() + x) * 4;
        int got = (alpha ? (rgba.data()[o + 3] & 0xFF) : 255) << 24 | (rgba.data()[o] & 0xFF) << 16
            | (rgba.data()[o + 1] & 0xFF) << 8 | (rgba.data()[o + 2] & 0xFF);
        assertEquals(Integer.toHexString(argb), Integer.toHexString(got), "pixel " + x + "," + y);
        if (!alpha) {
          assertEquals(255, rgba.data()[o + 3] & 0xFF);
        }
      }
    }
  }
}
