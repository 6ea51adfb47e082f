package io.jimagecuda.internal.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A direct decoder for the PNGs most files are: 8 bits per sample, not interlaced, grey, grey + alpha, RGB
 * or RGBA without a {@code tRNS} chunk. It inflates the {@code IDAT} data and undoes the row filters
 * straight into {@link Rgba8}, without the intermediate {@code BufferedImage} of ImageIO's reader (half
 * the heap, and faster). Every other PNG goes to ImageIO ({@link #decode} returns null). Chunk CRCs and
 * truncation are checked by {@link Damage} before.
 */
final class PngDecoder {
  private static final int IHDR = 0x49484452;
  private static final int IDAT = 0x49444154;
  private static final int IEND = 0x49454E44;
  private static final int TRNS = 0x74524E53;

  private PngDecoder() {
  }

  /**
   * The image in {@code in}, or null if it is not one of the PNGs this decoder handles. Data that ends
   * early leaves the remaining rows transparent black if {@code acceptTruncated}, else fails.
   */
  static @Nullable Rgba8 decode(ImageInputStream in, String name, ReadOptions options, int orientation)
      throws IOException {
    boolean acceptTruncated = options.acceptTruncated();
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    in.seek(8);
    long length = in.readUnsignedInt();
    if (in.readInt() != IHDR || length != 13) {
      return null;
    }
    int width = in.readInt();
    int height = in.readInt();
    int bitDepth = in.readUnsignedByte();
    int colourType = in.readUnsignedByte();
    in.skipBytes(2); // compression and filter method: 0 is the only one defined
    int interlace = in.readUnsignedByte();
    int channels = switch (colourType) {
      case 0 -> 1;
      case 2 -> 3;
      case 4 -> 2;
      case 6 -> 4;
      default -> 0;
    };
    if (bitDepth != 8 || interlace != 0 || channels == 0 || width < 1 || height < 1) {
      return null;
    }
    long first = firstIdat(in);
    if (first < 0) {
      return null;
    }
    ImageFiles.checkSize(name, width, height, options.maxPixels());
    ImageFiles.checkHeap(name, "png", width, height, (long) width * height * (orientation == 1 ? 4 : 8));
    byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 4)];
    Inflater inflater = new Inflater();
    try (InputStream idat = new IdatStream(in, first)) {
      int stride = width * channels;
      byte[] previous = new byte[stride];
      byte[] row = new byte[stride + 1];
      byte[] input = new byte[1 << 16];
      for (int y = 0; y < height; y++) {
        if (!inflateFully(inflater, idat, input, row)) {
          if (acceptTruncated) {
            break;
          }
          throw new IOException("Cannot load " + name + " (png): the image data ends at row " + y + " of " + height
              + " (truncated)");
        }
        unfilter(row, previous, channels, name);
        expand(row, channels, out, y * width * 4, width);
        System.arraycopy(row, 1, previous, 0, stride);
      }
    } catch (DataFormatException e) {
      if (!acceptTruncated) {
        throw new IOException("Cannot load " + name + " (png): the compressed image data is damaged ("
            + e.getMessage() + ")", e);
      }
    } finally {
      inflater.end();
    }
    return new Rgba8(width, height, out);
  }

  /** Position of the first IDAT chunk; -1 if a tRNS chunk (or no IDAT) comes first. */
  private static long firstIdat(ImageInputStream in) throws IOException {
    long pos = 8 + 12 + 13;
    while (true) {
      in.seek(pos);
      long length = in.readUnsignedInt();
      int type = in.readInt();
      if (type == IDAT) {
        return pos;
      }
      if (type == TRNS || type == IEND) {
        return -1;
      }
      pos += 12 + length;
    }
  }

  /** Fills {@code row} from the inflater; false if the data ends first. */
  private static boolean inflateFully(Inflater inflater, InputStream idat, byte[] input, byte[] row)
      throws IOException, DataFormatException {
    int filled = 0;
    while (filled < row.length) {
      int n = inflater.inflate(row, filled, row.length - filled);
      filled += n;
      if (n == 0) {
        if (inflater.finished() || inflater.needsDictionary()) {
          return false;
        }
        if (inflater.needsInput()) {
          int read = idat.read(input);
          if (read < 0) {
            return false;
          }
          inflater.setInput(input, 0, read);
        }
      }
    }
    return true;
  }

  /** Undoes the row's filter in place ({@code row[0]} is the filter type, the samples follow). */
  private static void unfilter(byte[] row, byte[] previous, int bpp, String name) throws IOException {
    int n = row.length - 1;
    switch (row[0]) {
      case 0 -> { }
      case 1 -> {
        for (int i = bpp; i < n; i++) {
          row[i + 1] += row[i + 1 - bpp];
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          row[i + 1] += previous[i];
        }
      }
      case 3 -> {
        for (int i = 0; i < n; i++) {
          int left = i >= bpp ? row[i + 1 - bpp] & 0xFF : 0;
          row[i + 1] += (byte) ((left + (previous[i] & 0xFF)) >>> 1);
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          int a = i >= bpp ? row[i + 1 - bpp] & 0xFF : 0;
          int b = previous[i] & 0xFF;
          int c = i >= bpp ? previous[i - bpp] & 0xFF : 0;
          int p = a + b - c;
          int pa = Math.abs(p - a);
          int pb = Math.abs(p - b);
          int pc = Math.abs(p - c);
          row[i + 1] += (byte) (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
        }
      }
      default -> throw new IOException("Cannot load " + name + " (png): unknown row filter " + (row[0] & 0xFF)
          + " (the image data is damaged)");
    }
  }

  private static void expand(byte[] row, int channels, byte[] out, int o, int width) {
    switch (channels) {
      case 4 -> System.arraycopy(row, 1, out, o, width * 4);
      case 3 -> {
        for (int x = 0, i = 1; x < width; x++, i += 3, o += 4) {
          out[o] = row[i];
          out[o + 1] = row[i + 1];
          out[o + 2] = row[i + 2];
          out[o + 3] = (byte) 255;
        }
      }
      case 2 -> {
        for (int x = 0, i = 1; x < width; x++, i += 2, o += 4) {
          out[o] = row[i];
          out[o + 1] = row[i];
          out[o + 2] = row[i];
          out[o + 3] = row[i + 1];
        }
      }
      default -> {
        for (int x = 0, i = 1; x < width; x++, i++, o += 4) {
          out[o] = row[i];
          out[o + 1] = row[i];
          out[o + 2] = row[i];
          out[o + 3] = (byte) 255;
        }
      }
    }
  }

  /** The data of consecutive IDAT chunks from {@code first} on, as one stream; ends at the first other chunk. */
  private static final class IdatStream extends InputStream {
    private final ImageInputStream in;
    private long next;
    private long left;
    private boolean done;

    IdatStream(ImageInputStream in, long first) {
      this.in = in;
      this.next = first;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (left == 0) {
        if (done) {
          return -1;
        }
        try {
          in.seek(next);
          long length = in.readUnsignedInt();
          if (in.readInt() != IDAT) {
            done = true;
            return -1;
          }
          left = length;
          next += 12 + length;
        } catch (EOFException e) {
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        done = true;
        return -1;
      }
      left -= n;
      return n;
    }
  }
}
