package io.jimagecuda.internal.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

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

  /** {@return this image's rows as a {@link RowSource} (copies out of {@link #data()})} */
  public RowSource rows() {
    int rowBytes = width * 4;
    return (y, count, dst, offset) -> System.arraycopy(data, y * rowBytes, dst, offset, count * rowBytes);
  }

  /**
   * Rearranges {@link #data()} in place to A, B, G, R and returns a {@link BufferedImage#TYPE_4BYTE_ABGR}
   * over the same array: no copy. This record's data is no longer RGBA afterwards.
   */
  public BufferedImage toAbgrInPlace() {
    for (int i = 0; i < data.length; i += 4) {
      byte r = data[i];
      byte g = data[i + 1];
      data[i] = data[i + 3];
      data[i + 1] = data[i + 2];
      data[i + 2] = g;
      data[i + 3] = r;
    }
    return wrap(data, 4, new int[] {3, 2, 1, 0}, true);
  }

  /**
   * Flattens the alpha onto black as {@link #flattenOnBlack()} does, writing the B, G, R bytes into the
   * first three quarters of {@link #data()}, and returns a {@link BufferedImage#TYPE_3BYTE_BGR} over that
   * array: no copy. This record's data is no longer RGBA afterwards.
   */
  public BufferedImage flattenOnBlackInPlace() {
    for (int i = 0, o = 0; i < data.length; i += 4, o += 3) {
      int a = data[i + 3] & 0xFF;
      int r = data[i] & 0xFF;
      int g = data[i + 1] & 0xFF;
      int b = data[i + 2] & 0xFF;
      if (a == 255) { // the common case: opaque, no arithmetic
        data[o] = (byte) b;
        data[o + 1] = (byte) g;
        data[o + 2] = (byte) r;
      } else {
        data[o] = (byte) (b * a / 255);
        data[o + 1] = (byte) (g * a / 255);
        data[o + 2] = (byte) (r * a / 255);
      }
    }
    return wrap(data, 3, new int[] {2, 1, 0}, false);
  }

  /** A standard-type image (the JDK recognises the layout) over {@code bytes}, without copying them. */
  private BufferedImage wrap(byte[] bytes, int channels, int[] bandOffsets, boolean alpha) {
    DataBuffer buffer = new DataBufferByte(bytes, width * height * channels);
    PixelInterleavedSampleModel sm = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, channels,
        width * channels, bandOffsets);
    WritableRaster raster = Raster.createWritableRaster(sm, buffer, null);
    ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    return new BufferedImage(cm, raster, false, null);
  }
}
