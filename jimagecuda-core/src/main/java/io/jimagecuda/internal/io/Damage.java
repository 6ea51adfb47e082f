package io.jimagecuda.internal.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Cheap structural checks that find damaged files before their pixels are decoded: the decoders on the
 * class path ignore PNG chunk CRCs and fill a cut-off image with grey or transparent pixels without saying
 * so. Each check streams through the file once with a small buffer.
 */
final class Damage {
  private static final int IEND = 0x49454E44;

  private Damage() {
  }

  /**
   * What is wrong with the file in {@code in} of the ImageIO format {@code format}, or null if nothing was
   * found (or the format has no structural check). The stream is left at position 0, big-endian.
   */
  static @Nullable String find(ImageInputStream in, String format) throws IOException {
    try {
      return switch (format) {
        case "png" -> png(in);
        case "webp" -> webp(in);
        default -> null;
      };
    } finally {
      in.setByteOrder(ByteOrder.BIG_ENDIAN);
      in.seek(0);
    }
  }

  /** Every chunk complete, with a correct CRC, up to {@code IEND}. */
  private static @Nullable String png(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    long fileLength = in.length();
    byte[] buffer = new byte[64 * 1024];
    CRC32 crc = new CRC32();
    long pos = 8;
    while (true) {
      in.seek(pos);
      long length;
      int type;
      try {
        length = in.readUnsignedInt();
        type = in.readInt();
      } catch (EOFException e) {
        return "truncated: the file ends at byte " + fileLength + " without an IEND chunk";
      }
      String name = fourcc(type);
      if (fileLength >= 0 && pos + 12 + length > fileLength) {
        return "truncated: chunk " + name + " at byte " + pos + " declares " + length + " bytes of data but the file"
            + " ends " + Math.max(0, fileLength - pos - 8) + " bytes into it";
      }
      crc.reset();
      crc.update(type >>> 24);
      crc.update(type >>> 16);
      crc.update(type >>> 8);
      crc.update(type);
      for (long left = length; left > 0; ) {
        int n = (int) Math.min(buffer.length, left);
        in.readFully(buffer, 0, n);
        crc.update(buffer, 0, n);
        left -= n;
      }
      long stored = in.readUnsignedInt();
      if (stored != crc.getValue()) {
        return "chunk " + name + " at byte " + pos + " has a bad CRC (stored 0x" + Long.toHexString(stored)
            + ", computed 0x" + Long.toHexString(crc.getValue()) + "): the file is damaged";
      }
      if (type == IEND) {
        return null;
      }
      pos += 12 + length;
    }
  }

  /** The RIFF container holds as many bytes as its header declares. */
  private static @Nullable String webp(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
    long fileLength = in.length();
    in.seek(4);
    long declared = 8 + in.readUnsignedInt();
    if (fileLength >= 0 && fileLength < declared) {
      return "truncated: the RIFF header declares " + declared + " bytes but the file has " + fileLength;
    }
    return null;
  }

  private static String fourcc(int type) {
    byte[] b = {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type};
    for (byte c : b) {
      if (c < 0x20 || c > 0x7E) {
        return "0x" + Integer.toHexString(type);
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }
}
