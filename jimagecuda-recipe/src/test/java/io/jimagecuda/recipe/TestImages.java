package io.jimagecuda.recipe;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
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

  /**
   * Inserts an {@code eXIf} chunk with the given EXIF orientation (1..8) after the IHDR chunk of a PNG
   * file, in place.
   */
  static void addExifOrientation(Path png, int orientation) throws IOException {
    // A little-endian TIFF structure whose IFD0 holds only the orientation tag (0x0112, SHORT, 1 value).
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
    tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0).putInt(0);
    byte[] exif = tiff.array();
    ByteBuffer chunk = ByteBuffer.allocate(12 + exif.length);
    chunk.putInt(exif.length).put(new byte[] {'e', 'X', 'I', 'f'}).put(exif);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + exif.length);
    chunk.putInt((int) crc.getValue());
    byte[] bytes = Files.readAllBytes(png);
    int afterIhdr = 8 + 12 + 13; // signature, then IHDR: length, type, 13 data bytes, CRC
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, afterIhdr);
    out.write(chunk.array(), 0, chunk.capacity());
    out.write(bytes, afterIhdr, bytes.length - afterIhdr);
    Files.write(png, out.toByteArray());
  }
}
