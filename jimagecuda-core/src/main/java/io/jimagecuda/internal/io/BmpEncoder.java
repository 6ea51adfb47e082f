package io.jimagecuda.internal.io;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes 32-bit BMP files with alpha: a BITMAPV4HEADER with BI_BITFIELDS masks for B, G, R and A bytes,
 * rows bottom-up. Neither ImageIO BMP writer on the class path keeps alpha (the JDK's refuses alpha
 * images, TwelveMonkeys' drops it), so this small encoder does it; both BMP readers read it back exactly.
 */
final class BmpEncoder {
  private static final int FILE_HEADER = 14;
  private static final int V4_HEADER = 108;
  private static final int BI_BITFIELDS = 3;
  private static final int LCS_SRGB = 0x73524742; // 'sRGB'
  private static final int PIXELS_PER_METRE = 2835; // 72 dpi

  private BmpEncoder() {
  }

  /** Writes {@code img} to {@code out} (an ImageIO or java.io stream; not closed). */
  static void write(Rgba8 img, DataOutput out) throws IOException {
    int w = img.width();
    int h = img.height();
    long imageBytes = (long) w * h * 4;
    long fileBytes = FILE_HEADER + V4_HEADER + imageBytes;
    if (fileBytes > 0xFFFF_FFFFL) {
      throw new IOException("BMP: " + w + "x" + h + " needs " + fileBytes + " bytes, more than a BMP file can hold");
    }
    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER + V4_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    header.put((byte) 'B').put((byte) 'M').putInt((int) fileBytes).putInt(0).putInt(FILE_HEADER + V4_HEADER);
    header.putInt(V4_HEADER).putInt(w).putInt(h).putShort((short) 1).putShort((short) 32)
        .putInt(BI_BITFIELDS).putInt((int) imageBytes).putInt(PIXELS_PER_METRE).putInt(PIXELS_PER_METRE)
        .putInt(0).putInt(0);
    header.putInt(0x00FF_0000).putInt(0x0000_FF00).putInt(0x0000_00FF).putInt(0xFF00_0000);
    header.putInt(LCS_SRGB);
    header.put(new byte[36 + 12]); // colour-space endpoints and gammas: unused for sRGB
    out.write(header.array());

    byte[] src = img.data();
    byte[] row = new byte[w * 4];
    for (int y = h - 1; y >= 0; y--) {
      for (int x = 0, i = y * w * 4; x < w * 4; x += 4, i += 4) {
        row[x] = src[i + 2];
        row[x + 1] = src[i + 1];
        row[x + 2] = src[i];
        row[x + 3] = src[i + 3];
      }
      out.write(row);
    }
  }
}
