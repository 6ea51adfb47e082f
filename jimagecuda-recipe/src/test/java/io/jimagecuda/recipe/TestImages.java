package io.jimagecuda.recipe;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG files with known pixels, written without the code under test. */
final class TestImages {
  private TestImages() {
  }

  /** Writes an 8-bit RGBA PNG of {@code rgba} ({@code w·h·4} bytes, straight alpha). */
  static void writePng(Path file, int w, int h, byte[] rgba) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int i = 0; i < w * h; i++) {
      int r = rgba[i * 4] & 0xFF;
      int g = rgba[i * 4 + 1] & 0xFF;
      int b = rgba[i * 4 + 2] & 0xFF;
      int a = rgba[i * 4 + 3] & 0xFF;
      img.setRGB(i % w, i / w, a << 24 | r << 16 | g << 8 | b);
    }
    write(img, file);
  }

  /** Writes {@code img} as PNG. */
  static void write(BufferedImage img, Path file) throws IOException {
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
  }

  /** Reads a PNG back as straight RGBA bytes through {@link BufferedImage#getRGB}. */
  static byte[] readRgba(Path file) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    int w = img.getWidth();
    byte[] out = new byte[w * img.getHeight() * 4];
    for (int i = 0; i < w * img.getHeight(); i++) {
      int argb = img.getRGB(i % w, i / w);
      out[i * 4] = (byte) (argb >> 16);
      out[i * 4 + 1] = (byte) (argb >> 8);
      out[i * 4 + 2] = (byte) argb;
      out[i * 4 + 3] = (byte) (argb >>> 24);
    }
    return out;
  }
}
