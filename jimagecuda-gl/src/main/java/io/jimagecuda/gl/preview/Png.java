package io.jimagecuda.gl.preview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes RGBA bytes (top row first) as a PNG with Java's ImageIO. */
final class Png {
  private Png() {
  }

  static void write(Path file, int width, int height, byte[] rgba) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
    byte[] abgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < width * height * 4; i += 4) {
      abgr[i] = rgba[i + 3];
      abgr[i + 1] = rgba[i + 2];
      abgr[i + 2] = rgba[i + 1];
      abgr[i + 3] = rgba[i];
    }
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }
}
