package io.jimagecuda.internal.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation tag (0x0112): finding it in a file and applying it to decoded pixels.
 *
 * <p>Values follow the EXIF specification: 1 as stored, 2 mirrored horizontally, 3 rotated 180°, 4 mirrored
 * vertically, 5 transposed (mirror horizontally, then rotate 270° clockwise), 6 rotated 90° clockwise, 7
 * transversed (mirror horizontally, then rotate 90° clockwise), 8 rotated 270° clockwise.
 *
 * <p>The tag is read from IFD0 of the EXIF block of a JPEG (APP1 "Exif"), a PNG ({@code eXIf} chunk) or
 * a WebP ({@code EXIF} chunk), and from IFD0 of a classic TIFF file. Missing, unreadable or
 * out-of-range tags count as 1, as do BigTIFF and BMP files, which have no such tag.
 */
public final class ExifOrientation {
  /** The orientation tag number in IFD0. */
  private static final int TAG_ORIENTATION = 0x0112;
  private static final int TIFF_SHORT = 3;

  private ExifOrientation() {
  }

  /**
   * Reads the orientation of the image in {@code in} (1..8; 1 when there is none). The stream is left at
   * position 0 with its byte order restored.
   *
   * @throws IOException if reading fails for a reason other than the data ending early
   */
  public static int read(ImageInputStream in) throws IOException {
    ByteOrder order = in.getByteOrder();
    try {
      in.seek(0);
      byte[] magic = new byte[12];
      in.readFully(magic);
      if ((magic[0] & 0xFF) == 0xFF && (magic[1] & 0xFF) == 0xD8) {
        return fromJpeg(in);
      }
      if ((magic[0] & 0xFF) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
        return fromPng(in);
      }
      if (magic[0] == 'R' && magic[1] == 'I' && magic[2] == 'F' && magic[3] == 'F'
          && magic[8] == 'W' && magic[9] == 'E' && magic[10] == 'B' && magic[11] == 'P') {
        return fromWebp(in);
      }
      if ((magic[0] == 'I' && magic[1] == 'I') || (magic[0] == 'M' && magic[1] == 'M')) {
        return fromTiff(in, 0);
      }
      return 1;
    } catch (EOFException e) {
      return 1; // truncated or inconsistent metadata: treat as no orientation, like libvips
    } finally {
      in.setByteOrder(order);
      in.seek(0);
    }
  }

  /** Walks the marker segments up to the first scan, looking for APP1 "Exif\0\0". */
  private static int fromJpeg(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    long pos = 2;
    while (true) {
      in.seek(pos);
      if (in.readUnsignedByte() != 0xFF) {
        return 1;
      }
      int marker = in.readUnsignedByte();
      if (marker == 0xFF) { // fill byte
        pos++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) { // start of scan / end of image
        return 1;
      }
      int length = in.readUnsignedShort();
      if (marker == 0xE1 && length >= 8 && hasExifHeader(in)) {
        return fromTiff(in, pos + 10);
      }
      pos += 2 + length;
    }
  }

  private static boolean hasExifHeader(ImageInputStream in) throws IOException {
    byte[] id = new byte[6];
    in.readFully(id);
    return id[0] == 'E' && id[1] == 'x' && id[2] == 'i' && id[3] == 'f' && id[4] == 0 && id[5] == 0;
  }

  /** Walks the chunks looking for {@code eXIf} (PNG 1.5 extension). */
  private static int fromPng(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    long pos = 8;
    while (true) {
      in.seek(pos);
      long length = in.readUnsignedInt();
      int type = in.readInt();
      if (type == 0x65584966) { // "eXIf"
        return fromTiff(in, pos + 8);
      }
      if (type == 0x49454E44) { // "IEND"
        return 1;
      }
      pos += 12 + length;
    }
  }

  /** Walks the RIFF chunks looking for {@code EXIF} (some writers prefix it with "Exif\0\0"). */
  private static int fromWebp(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
    long end = 8 + in.readUnsignedInt();
    long pos = 12;
    while (pos + 8 <= end) {
      in.seek(pos);
      byte[] fourcc = new byte[4];
      in.readFully(fourcc);
      long size = in.readUnsignedInt();
      if (fourcc[0] == 'E' && fourcc[1] == 'X' && fourcc[2] == 'I' && fourcc[3] == 'F') {
        long payload = pos + 8;
        return fromTiff(in, hasExifHeader(in) ? payload + 6 : payload);
      }
      pos += 8 + size + (size & 1);
    }
    return 1;
  }

  /** Reads tag 0x0112 from IFD0 of the TIFF structure starting at {@code base}. */
  private static int fromTiff(ImageInputStream in, long base) throws IOException {
    in.seek(base);
    int byteOrder = in.readUnsignedShort();
    if (byteOrder == 0x4949) {
      in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
    } else if (byteOrder == 0x4D4D) {
      in.setByteOrder(ByteOrder.BIG_ENDIAN);
    } else {
      return 1;
    }
    if (in.readUnsignedShort() != 42) {
      return 1; // BigTIFF (43) or not TIFF
    }
    in.seek(base + in.readUnsignedInt());
    int entries = in.readUnsignedShort();
    for (int i = 0; i < entries; i++) {
      int tag = in.readUnsignedShort();
      int type = in.readUnsignedShort();
      long count = in.readUnsignedInt();
      int value = in.readUnsignedShort();
      in.skipBytes(2);
      if (tag == TAG_ORIENTATION) {
        return type == TIFF_SHORT && count == 1 && value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /**
   * Returns {@code img} turned upright for {@code orientation} (a new record; 5..8 swap width and
   * height). Orientation 1 returns {@code img} itself.
   */
  public static Rgba8 apply(Rgba8 img, int orientation) {
    if (orientation == 1) {
      return img;
    }
    int w = img.width();
    int h = img.height();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    // Pixels as ints: the byte order does not matter, it only has to be the same both ways.
    int[] src = new int[w * h];
    ByteBuffer.wrap(img.data()).asIntBuffer().get(src);
    int[] dst = new int[src.length];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = w - 1 - x; sy = y; }
          case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case 4 -> { sx = x; sy = h - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = h - 1 - x; }
          case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
          case 8 -> { sx = w - 1 - y; sy = x; }
          default -> throw new IllegalArgumentException("EXIF orientation must be 1..8, got " + orientation);
        }
        dst[y * ow + x] = src[sy * w + sx];
      }
    }
    byte[] out = new byte[img.data().length];
    IntBuffer view = ByteBuffer.wrap(out).asIntBuffer();
    view.put(dst);
    return new Rgba8(ow, oh, out);
  }
}
