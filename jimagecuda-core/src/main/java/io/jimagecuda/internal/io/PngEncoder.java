package io.jimagecuda.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * Writes straight 8-bit RGBA as a PNG (colour type 6, 8 bits, not interlaced) on every core, the way
 * {@code pigz} compresses: the rows are cut into strips of about {@value #STRIP_BYTES} filtered bytes,
 * each strip is filtered and deflated on its own (in {@link ForkJoinPool#commonPool()}), primed with the
 * last 32 KB of the strip before it as deflate's dictionary so that compression hardly suffers, and
 * ended with a sync flush so that the pieces concatenate into one zlib stream. Each strip becomes one
 * {@code IDAT} chunk, written in order as soon as it is ready; at most a few strips per core are in
 * flight. The pixels come from {@link RowSource}, a strip at a time (from a host array, or downloaded from the
 * backend strip by strip), so the memory a save needs is bounded by the strips, not the image.
 *
 * <p>Row filters are chosen per row as libpng and ImageIO do (the smallest sum of absolute filtered
 * values over None, Sub, Up, Average and Paeth); level 0 stores unfiltered rows. The result decodes to
 * exactly the input pixels.
 *
 * <p>Written here rather than taken from {@code com.pngencoder:pngencoder}, which does the same: that jar
 * has no module name, and a published module may not require a module named after a jar file.
 */
final class PngEncoder {
  /** Filtered bytes per strip: large enough for deflate to find its matches, small enough for many cores. */
  static final int STRIP_BYTES = 1 << 19;

  /** Deflate's window: the dictionary a strip is primed with. */
  private static final int WINDOW = 32 * 1024;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int IHDR = 0x49484452;
  private static final int IDAT = 0x49444154;
  private static final int IEND = 0x49454E44;
  private static final int BYTES_PER_PIXEL = 4;

  private PngEncoder() {
  }

  /**
   * Writes {@code img} to {@code out} as a PNG compressed at deflate {@code level}; {@code out} is not
   * closed.
   *
   * @param img the pixels, straight RGBA; not changed
   * @param level deflate level 0..9
   * @param out the destination
   * @throws IOException if writing fails
   */
  static void write(Rgba8 img, int level, OutputStream out) throws IOException {
    write(img.width(), img.height(), img.rows(), level, out);
  }

  /**
   * Writes the {@code width × height} image that {@code rows} gives to {@code out} as a PNG compressed at
   * deflate {@code level}; {@code out} is not closed. Exceptions of {@code rows} are thrown here as they are.
   *
   * @throws IOException if writing fails, or a row is too wide to hold three of them in one array
   */
  static void write(int width, int height, RowSource rows, int level, OutputStream out) throws IOException {
    if ((long) width * BYTES_PER_PIXEL * 3 > Integer.MAX_VALUE - 8) {
      // a strip holds at least three rows (the row, the one above and the dictionary's) in one Java array
      throw new IOException("a PNG row of " + width + " pixels is too wide for the encoder (at most "
          + (Integer.MAX_VALUE - 8) / (BYTES_PER_PIXEL * 3) + " pixels)");
    }
    new Job(width, height, rows, level).write(out);
  }

  /** One image being written: its strips and how they are cut. */
  private static final class Job {
    private final RowSource rows;
    private final int height;
    private final int rowBytes;
    private final int level;
    private final int rowsPerStrip;
    private final int strips;

    Job(int width, int height, RowSource rows, int level) {
      this.rows = rows;
      this.height = height;
      this.rowBytes = width * BYTES_PER_PIXEL;
      this.level = level;
      this.rowsPerStrip = Math.max(1, STRIP_BYTES / (rowBytes + 1));
      this.strips = (height + rowsPerStrip - 1) / rowsPerStrip;
    }

    void write(OutputStream out) throws IOException {
      out.write(SIGNATURE);
      byte[] header = new byte[13];
      putInt(header, 0, rowBytes / BYTES_PER_PIXEL);
      putInt(header, 4, height);
      header[8] = 8; // bits per sample
      header[9] = 6; // RGBA; compression, filter and interlace methods stay 0
      chunk(out, IHDR, header, 0, header.length);

      ForkJoinPool pool = ForkJoinPool.commonPool();
      int ahead = strips == 1 ? 1 : Math.min(strips, 2 * pool.getParallelism() + 2);
      ArrayDeque<CompletableFuture<Strip>> inFlight = new ArrayDeque<>();
      int next = 0;
      int adler = 1; // Adler-32 of no data
      try {
        for (int s = 0; s < strips; s++) {
          while (next < strips && inFlight.size() < ahead) {
            int index = next++;
            inFlight.add(strips == 1 ? CompletableFuture.completedFuture(compress(index))
                : CompletableFuture.supplyAsync(() -> compress(index), pool));
          }
          Strip strip = join(inFlight.remove());
          adler = adlerCombine(adler, strip.adler, strip.filteredLength);
          writeIdat(out, s, strip, adler);
        }
      } finally {
        inFlight.forEach(f -> f.cancel(false));
      }
      chunk(out, IEND, new byte[0], 0, 0);
    }

    /** The IDAT chunk of strip {@code s}: the zlib header before the first, the checksum after the last. */
    private void writeIdat(OutputStream out, int s, Strip strip, int adler) throws IOException {
      boolean first = s == 0;
      boolean last = s == strips - 1;
      byte[] head = first ? new byte[] {0x78, zlibFlags(level)} : new byte[0];
      byte[] tail = last ? new byte[4] : new byte[0];
      if (last) {
        putInt(tail, 0, adler);
      }
      byte[] lengthAndType = new byte[8];
      putInt(lengthAndType, 0, head.length + strip.length + tail.length);
      putInt(lengthAndType, 4, IDAT);
      CRC32 crc = new CRC32();
      crc.update(lengthAndType, 4, 4);
      crc.update(head);
      crc.update(strip.deflated, 0, strip.length);
      crc.update(tail);
      byte[] crcBytes = new byte[4];
      putInt(crcBytes, 0, (int) crc.getValue());
      out.write(lengthAndType);
      out.write(head);
      out.write(strip.deflated, 0, strip.length);
      out.write(tail);
      out.write(crcBytes);
    }

    /** Filters and deflates strip {@code s}. */
    private Strip compress(int s) {
      int y0 = s * rowsPerStrip;
      int y1 = Math.min(height, y0 + rowsPerStrip);
      int filteredRow = rowBytes + 1;
      // the rows before y0 that make up the dictionary, filtered again here (a pure function of the pixels)
      int dictionaryRows = s == 0 ? 0 : Math.min(y0, (WINDOW + filteredRow - 1) / filteredRow);
      int start = y0 - dictionaryRows;
      // the raw rows, with the one above the first (its filters look up), read once for this strip
      int first = Math.max(0, start - 1);
      byte[] pixels = new byte[(y1 - first) * rowBytes];
      rows.read(first, y1 - first, pixels, 0);
      byte[] filtered = new byte[(y1 - start) * filteredRow];
      RowFilter filter = new RowFilter(rowBytes, level > 0);
      for (int y = start; y < y1; y++) {
        filter.filter(pixels, (y - first) * rowBytes, y > 0 ? (y - 1 - first) * rowBytes : -1, filtered,
            (y - start) * filteredRow);
      }
      int offset = dictionaryRows * filteredRow;
      int length = filtered.length - offset;
      Adler32 adler = new Adler32();
      adler.update(filtered, offset, length);

      Deflater deflater = new Deflater(level, true); // raw deflate: the zlib header and checksum are ours
      try {
        if (offset > 0) {
          int dictionary = Math.min(WINDOW, offset);
          deflater.setDictionary(filtered, offset - dictionary, dictionary);
        }
        deflater.setInput(filtered, offset, length);
        byte[] out = new byte[length / 2 + 1024];
        int written = 0;
        boolean last = s == strips - 1;
        if (last) {
          deflater.finish();
        }
        while (true) {
          if (written == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          int n = last ? deflater.deflate(out, written, out.length - written)
              : deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
          written += n;
          // a sync flush is complete when it leaves room in the buffer; the last strip when finished
          if (last ? deflater.finished() : written < out.length) {
            break;
          }
        }
        return new Strip(out, written, (int) adler.getValue(), length);
      } finally {
        deflater.end();
      }
    }
  }

  /** A deflated strip and the Adler-32 and length of its filtered bytes. */
  private record Strip(byte[] deflated, int length, int adler, long filteredLength) {
  }

  /** Filters rows, choosing the filter per row (or None when not adaptive); one per thread. */
  private static final class RowFilter {
    private final int rowBytes;
    private final boolean adaptive;
    private final byte[][] candidates;
    private byte @Nullable [] zeroRow;

    RowFilter(int rowBytes, boolean adaptive) {
      this.rowBytes = rowBytes;
      this.adaptive = adaptive;
      this.candidates = adaptive ? new byte[5][rowBytes] : new byte[0][];
    }

    /** Writes the filter type and the filtered row at {@code out[outPos..]}; {@code prev} is -1 on row 0. */
    void filter(byte[] px, int row, int prev, byte[] out, int outPos) {
      if (!adaptive) {
        out[outPos] = 0;
        System.arraycopy(px, row, out, outPos + 1, rowBytes);
        return;
      }
      byte[] above = prev >= 0 ? px : zeros();
      int aboveRow = prev >= 0 ? prev : 0;
      for (int i = 0; i < BYTES_PER_PIXEL; i++) {
        candidates(i, px[row + i] & 0xFF, 0, above[aboveRow + i] & 0xFF, 0);
      }
      for (int i = BYTES_PER_PIXEL; i < rowBytes; i++) {
        candidates(i, px[row + i] & 0xFF, px[row + i - BYTES_PER_PIXEL] & 0xFF, above[aboveRow + i] & 0xFF,
            above[aboveRow + i - BYTES_PER_PIXEL] & 0xFF);
      }
      int best = 0;
      long bestSum = Long.MAX_VALUE;
      for (int t = 0; t < candidates.length; t++) {
        long sum = sumOfMagnitudes(candidates[t]);
        if (sum < bestSum) {
          best = t;
          bestSum = sum;
        }
      }
      out[outPos] = (byte) best;
      System.arraycopy(candidates[best], 0, out, outPos + 1, rowBytes);
    }

    /** Byte {@code i} of each filter type, from the byte x, its left neighbour a, above b, above-left c. */
    private void candidates(int i, int x, int a, int b, int c) {
      candidates[0][i] = (byte) x;
      candidates[1][i] = (byte) (x - a);
      candidates[2][i] = (byte) (x - b);
      candidates[3][i] = (byte) (x - ((a + b) >>> 1));
      candidates[4][i] = (byte) (x - paethPredictor(a, b, c));
    }

    private byte[] zeros() {
      if (zeroRow == null) {
        zeroRow = new byte[rowBytes];
      }
      return zeroRow;
    }
  }

  /** libpng's heuristic: the sum of the filtered bytes read as signed values, without their signs. */
  private static long sumOfMagnitudes(byte[] row) {
    long sum = 0;
    for (byte v : row) {
      sum += Math.abs(v);
    }
    return sum;
  }

  /** The PNG specification's Paeth predictor: whichever of a, b, c is closest to a + b - c. */
  static int paethPredictor(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) {
      return a;
    }
    return pb <= pc ? b : c;
  }

  /** zlib's FLG byte for 32 KB windows and no dictionary: the level class, plus the check bits. */
  static byte zlibFlags(int level) {
    int levelClass = level <= 1 ? 0 : level <= 5 ? 1 : level == 6 ? 2 : 3;
    int flags = levelClass << 6;
    flags += (31 - (0x78 << 8 | flags) % 31) % 31;
    return (byte) flags;
  }

  /** zlib's {@code adler32_combine}: the Adler-32 of A followed by B from those of A and B and B's length. */
  static int adlerCombine(int adlerA, int adlerB, long lengthB) {
    final long base = 65521;
    long remainder = lengthB % base;
    long sum1 = adlerA & 0xFFFF;
    long sum2 = remainder * sum1 % base;
    sum1 += (adlerB & 0xFFFF) + base - 1;
    sum2 += ((adlerA >>> 16) & 0xFFFF) + ((adlerB >>> 16) & 0xFFFF) + base - remainder;
    if (sum1 >= base) {
      sum1 -= base;
    }
    if (sum1 >= base) {
      sum1 -= base;
    }
    if (sum2 >= base << 1) {
      sum2 -= base << 1;
    }
    if (sum2 >= base) {
      sum2 -= base;
    }
    return (int) (sum1 | sum2 << 16);
  }

  private static Strip join(CompletableFuture<Strip> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static void chunk(OutputStream out, int type, byte[] data, int offset, int length) throws IOException {
    byte[] head = new byte[8];
    putInt(head, 0, length);
    putInt(head, 4, type);
    CRC32 crc = new CRC32();
    crc.update(head, 4, 4);
    crc.update(data, offset, length);
    byte[] crcBytes = new byte[4];
    putInt(crcBytes, 0, (int) crc.getValue());
    out.write(head);
    out.write(data, offset, length);
    out.write(crcBytes);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
