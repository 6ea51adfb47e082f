package io.jimagecuda.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG files for tests, written and read with {@code javax.imageio} directly. */
final class Png {
  private Png() {
  }

  /** Writes a {@code w × h} PNG of one non-premultiplied ARGB colour. */
  static void write(Path file, int w, int h, int argb) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, argb);
      }
    }
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
  }

  /** Reads a PNG. */
  static BufferedImage read(Path file) throws IOException {
    return ImageIO.read(file.toFile());
  }
}
