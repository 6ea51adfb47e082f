package io.jimagecuda.internal.io;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF orientation tag (0x0112): finding it in a file and applying it to decoded pixels.
 *
 * <p>Values follow the EXIF specification: 1 as stored, 2 mirrored horizontally, 3 rotated 180°, 4 mirrored
 * vertically, 5 transposed (mirror horizontally, then rotate 270° clockwise), 6 rotated 90° clockwise, 7
 * transversed (mirror horizontally, then rotate 90° clockwise), 8 rotated 270° clockwise.
 *
 * <p>The EXIF block is located in a JPEG (APP1 "Exif", found by TwelveMonkeys' {@link JPEGSegmentUtil}), a
 * PNG ({@code eXIf} chunk) or a WebP ({@code EXIF} chunk); a TIFF file is its own block. The block's IFDs are
 * parsed by TwelveMonkeys' {@link TIFFReader} (classic TIFF and BigTIFF, either byte order), and the tag
 * is taken from IFD0 whatever its stored type (SHORT as the specification says, or LONG as some writers
 * store it). Missing, unreadable or out-of-range tags count as 1, as do BMP and GIF files.
 */
public final class ExifOrientation {
  /** An EXIF block larger than this is ignored instead of read (JPEG's APP1 holds at most 64 KiB). */
  private static final long MAX_EXIF_BYTES = 16L << 20;

  private ExifOrientation() {
  }

  /**
   * Reads the orientation of the image in {@code in} (1..8; 1 when there is none). The stream is left at
   * position 0 with its byte order restored.
   *
   * @throws IOException if reading fails for a reason other than the data ending early or being malformed
   */
  public static int read(ImageInputStream in) throws IOException {
    ByteOrder order = in.getByteOrder();
    try {
      in.seek(0);
      byte[] magic = new byte[12];
      if (in.read(magic) < magic.length) {
        return 1;
      }
      Directory exif;
      if ((magic[0] & 0xFF) == 0xFF && (magic[1] & 0xFF) == 0xD8) {
        exif = fromJpeg(in);
      } else if ((magic[0] & 0xFF) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
        exif = fromPng(in);
      } else if (magic[0] == 'R' && magic[1] == 'I' && magic[2] == 'F' && magic[3] == 'F'
          && magic[8] == 'W' && magic[9] == 'E' && magic[10] == 'B' && magic[11] == 'P') {
        exif = fromWebp(in);
      } else if ((magic[0] == 'I' && magic[1] == 'I') || (magic[0] == 'M' && magic[1] == 'M')) {
        in.seek(0);
        exif = new TIFFReader().read(in);
      } else {
        exif = null;
      }
      return exif == null ? 1 : orientation(exif);
    } catch (IOException | RuntimeException e) {
      // Truncated or inconsistent metadata: treat as no orientation, like libvips. A failing disk shows
      // up again when the pixels are decoded.
      return 1;
    } finally {
      in.setByteOrder(order);
      in.seek(0);
    }
  }

  /** Tag 0x0112 of IFD0, of any integer type; 1 unless it is a single value in 1..8. */
  private static int orientation(Directory exif) {
    Directory ifd0 = exif instanceof CompoundDirectory compound && compound.directoryCount() > 0
        ? compound.getDirectory(0) : exif;
    Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
    if (entry == null || entry.valueCount() != 1 || !(entry.getValue() instanceof Number n)) {
      return 1;
    }
    long v = n.longValue();
    return v >= 1 && v <= 8 ? (int) v : 1;
  }

  private static Directory fromTiffBytes(byte[] block) throws IOException {
    int start = hasExifHeader(block) ? 6 : 0;
    try (ImageInputStream tiff = new MemoryCacheImageInputStream(
        new java.io.ByteArrayInputStream(block, start, block.length - start))) {
      return new TIFFReader().read(tiff);
    }
  }

  /** The first APP1 segment with the identifier "Exif". */
  private static Directory fromJpeg(ImageInputStream in) throws IOException {
    in.seek(0);
    in.setByteOrder(ByteOrder.BIG_ENDIAN); // JPEGSegmentUtil reads lengths in the stream's order
    List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
    if (segments.isEmpty()) {
      return null;
    }
    // segmentData() is the whole payload, "Exif\0\0" included (data() drops only "Exif\0").
    try (InputStream data = segments.get(0).segmentData()) {
      return fromTiffBytes(data.readAllBytes());
    }
  }

  private static boolean hasExifHeader(byte[] b) {
    return b.length >= 6 && b[0] == 'E' && b[1] == 'x' && b[2] == 'i' && b[3] == 'f' && b[4] == 0 && b[5] == 0;
  }

  /** Walks the chunks looking for {@code eXIf} (PNG 1.5 extension), up to the first {@code IDAT}. */
  private static Directory fromPng(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    long pos = 8;
    while (true) {
      in.seek(pos);
      long length = in.readUnsignedInt();
      int type = in.readInt();
      if (type == 0x65584966) { // "eXIf"
        return length > MAX_EXIF_BYTES ? null : fromTiffBytes(readBytes(in, length));
      }
      if (type == 0x49454E44) { // "IEND"
        return null;
      }
      pos += 12 + length;
    }
  }

  /** Walks the RIFF chunks looking for {@code EXIF} (some writers prefix it with "Exif\0\0"). */
  private static Directory fromWebp(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
    in.seek(4);
    long end = 8 + in.readUnsignedInt();
    long pos = 12;
    while (pos + 8 <= end) {
      in.seek(pos);
      byte[] fourcc = new byte[4];
      in.readFully(fourcc);
      long size = in.readUnsignedInt();
      if (fourcc[0] == 'E' && fourcc[1] == 'X' && fourcc[2] == 'I' && fourcc[3] == 'F') {
        return size > MAX_EXIF_BYTES ? null : fromTiffBytes(readBytes(in, size));
      }
      pos += 8 + size + (size & 1);
    }
    return null;
  }

  private static byte[] readBytes(ImageInputStream in, long length) throws IOException {
    byte[] b = new byte[(int) length];
    in.readFully(b);
    return b;
  }

  /**
   * Returns {@code img} turned upright for {@code orientation} (a new record; 5..8 swap width and
   * height). Orientation 1 returns {@code img} itself. Needs one extra copy of the pixels.
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
    byte[] src = img.data();
    byte[] dst = new byte[src.length];
    for (int y = 0, o = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++, o += 4) {
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
        int i = (sy * w + sx) * 4;
        dst[o] = src[i];
        dst[o + 1] = src[i + 1];
        dst[o + 2] = src[i + 2];
        dst[o + 3] = src[i + 3];
      }
    }
    return new Rgba8(ow, oh, dst);
  }
}
