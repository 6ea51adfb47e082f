package io.jimagecuda.internal.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Host pixels on their way between a codec and an image: {@code width × height} pixels of 8-bit
 * straight RGBA, row-major, top row first, rows packed (the device layout of {@code ImageU8}).
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param data {@code width·height·4} bytes R, G, B, A
 */
public record Rgba8(int width, int height, byte[] data) {
  /** Checks that {@code data} holds exactly {@code width·height·4} bytes. */
  public Rgba8 {
    if ((long) width * height * 4 != data.length) {
      throw new IllegalArgumentException(
          "Rgba8: " + width + "x" + height + " needs " + (long) width * height * 4 + " bytes, got " + data.length);
    }
  }

  /**
   * A {@link BufferedImage#TYPE_4BYTE_ABGR} copy: sRGB, straight alpha, the same sample values. Java2D
   * draws this type quickly and every ImageIO writer with alpha support accepts it.
   */
  public BufferedImage toBufferedImage() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
    byte[] abgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < data.length; i += 4) {
      abgr[i] = data[i + 3];
      abgr[i + 1] = data[i + 2];
      abgr[i + 2] = data[i + 1];
      abgr[i + 3] = data[i];
    }
    return img;
  }

  /**
   * An opaque {@link BufferedImage#TYPE_3BYTE_BGR} copy with the alpha flattened onto black, as libvips
   * does when it saves to a format without alpha: each colour becomes {@code trunc(c·a / 255)}.
   */
  public BufferedImage flattenOnBlack() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0, o = 0; i < data.length; i += 4, o += 3) {
      int a = data[i + 3] & 0xFF;
      bgr[o] = (byte) ((data[i + 2] & 0xFF) * a / 255);
      bgr[o + 1] = (byte) ((data[i + 1] & 0xFF) * a / 255);
      bgr[o + 2] = (byte) ((data[i] & 0xFF) * a / 255);
    }
    return img;
  }
}
