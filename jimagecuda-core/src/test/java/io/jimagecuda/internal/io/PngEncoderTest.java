package io.jimagecuda.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel PNG writer: files read back exactly by the JDK's own PNG reader and by {@link PngDecoder},
 * for sizes from one pixel to many strips and every deflate level; the zlib stream its strips form is one
 * valid stream (header, Adler-32) and every chunk's CRC is right; the checksum and predictor helpers match
 * their definitions.
 */
class PngEncoderTest {
  @ParameterizedTest(name = "{0}x{1} at level {2}")
  @CsvSource({
      "1, 1, 4",
      "3, 2, 0",
      "97, 61, 1",
      "97, 61, 9",
      "1, 5000, 4", // many rows per strip, many strips
      "2000, 300, 6", // several strips of about 65 rows
      "513, 1031, 2"
  })
  void theJdksReaderAndOursReadBackEveryPixel(int width, int height, int level) throws IOException {
    Rgba8 img = photoLike(width, height, width * 31L + height + level);
    byte[] png = encode(img, level);

    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(width, back.getWidth());
    assertEquals(height, back.getHeight());
    assertArrayEquals(img.data(), RasterConversion.toRgba8(back).data(), "the JDK's PNG reader");

    Rgba8 direct = PngDecoder.decode(new MemoryCacheImageInputStream(new ByteArrayInputStream(png)), "test.png",
        new ReadOptions(false, Long.MAX_VALUE, false), 1);
    assertArrayEquals(img.data(), direct.data(), "the project's own PNG decoder");
  }

  @Test
  void aRowWiderThanAStripMakesOneStripPerRow() throws IOException {
    int width = 140_000; // 560,001 filtered bytes per row: more than a strip (wider than load accepts)
    Rgba8 img = photoLike(width, 3, 5);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(encode(img, 4)));
    assertEquals(width, back.getWidth());
    assertArrayEquals(img.data(), RasterConversion.toRgba8(back).data(), "the JDK's PNG reader");
  }

  @Test
  void aRowTooWideForTheStripArraysIsAClearError() {
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PngEncoder.write(
        200_000_000, 1, (y, count, dst, offset) -> { }, 4, new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("200000000 pixels is too wide"), e.getMessage());
  }

  @Test
  void theStripsFormOneZlibStreamAndEveryChunkChecksOut() throws IOException, DataFormatException {
    int width = 1500;
    int height = 700; // about 8 strips
    Rgba8 img = photoLike(width, height, 7);
    byte[] png = encode(img, 5);
    List<String> types = new ArrayList<>();
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    int idatChunks = 0;
    ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
    while (in.hasRemaining()) {
      int length = in.getInt();
      byte[] typeAndData = new byte[4 + length];
      in.get(typeAndData);
      String type = new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
      types.add(type);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      assertEquals((int) crc.getValue(), in.getInt(), "CRC of a " + type + " chunk");
      if (type.equals("IDAT")) {
        idat.write(typeAndData, 4, length);
        idatChunks++;
      }
    }
    assertEquals("IHDR", types.get(0));
    assertEquals("IEND", types.get(types.size() - 1));
    int filteredRow = width * 4 + 1;
    int rowsPerStrip = PngEncoder.STRIP_BYTES / filteredRow;
    assertEquals((height + rowsPerStrip - 1) / rowsPerStrip, idatChunks, "one IDAT chunk per strip");

    byte[] zlib = idat.toByteArray();
    assertEquals(0x78, zlib[0] & 0xFF);
    assertEquals(0, ((zlib[0] & 0xFF) << 8 | (zlib[1] & 0xFF)) % 31, "zlib header check bits");
    Inflater inflater = new Inflater(); // zlib mode: checks the Adler-32 at the end
    inflater.setInput(zlib);
    byte[] filtered = new byte[height * filteredRow + 1];
    int n = inflater.inflate(filtered);
    assertTrue(inflater.finished(), "one complete stream, its checksum verified");
    assertEquals(0, inflater.getRemaining(), "nothing after the stream's end");
    assertEquals(height * filteredRow, n);
    for (int y = 0; y < height; y++) {
      int filter = filtered[y * filteredRow];
      assertTrue(filter >= 0 && filter <= 4, "filter type of row " + y + ": " + filter);
    }
    inflater.end();
  }

  @Test
  void levelZeroStoresUnfilteredRows() throws IOException, DataFormatException {
    Rgba8 img = photoLike(20, 10, 3);
    byte[] png = encode(img, 0);
    assertTrue(png.length > 20 * 10 * 4, "stored, not compressed: " + png.length + " bytes");
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    assertArrayEquals(img.data(), RasterConversion.toRgba8(back).data());
  }

  @Test
  void filteringMakesSmoothImagesSmallerThanStoringThem() throws IOException {
    Rgba8 gradient = new Rgba8(512, 512, new byte[512 * 512 * 4]);
    for (int y = 0, o = 0; y < 512; y++) {
      for (int x = 0; x < 512; x++, o += 4) {
        gradient.data()[o] = (byte) (x / 2);
        gradient.data()[o + 1] = (byte) (y / 2);
        gradient.data()[o + 2] = (byte) ((x + y) / 4);
        gradient.data()[o + 3] = (byte) 255;
      }
    }
    int size = encode(gradient, 4).length;
    assertTrue(size < 512 * 512 * 4 / 50, "a smooth gradient compresses well with filters: " + size + " bytes");
  }

  @Test
  void adlerCombineEqualsTheChecksumOfTheWhole() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 200; trial++) {
      byte[] a = new byte[random.nextInt(0, 70_000)];
      byte[] b = new byte[random.nextInt(0, 70_000)];
      for (int i = 0; i < a.length; i++) {
        a[i] = (byte) random.nextInt();
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) random.nextInt();
      }
      Adler32 whole = new Adler32();
      whole.update(a);
      whole.update(b);
      assertEquals((int) whole.getValue(), PngEncoder.adlerCombine(adler(a), adler(b), b.length),
          "lengths " + a.length + " and " + b.length);
    }
  }

  @Test
  void zlibFlagsNameTheLevelAndPassTheHeaderCheck() {
    int[] expected = {0x01, 0x01, 0x5E, 0x5E, 0x5E, 0x5E, 0x9C, 0xDA, 0xDA, 0xDA}; // zlib's own headers
    for (int level = 0; level <= 9; level++) {
      assertEquals(expected[level], PngEncoder.zlibFlags(level) & 0xFF, "level " + level);
    }
  }

  @Test
  void paethPicksTheNeighbourClosestToTheGradient() {
    assertEquals(10, PngEncoder.paethPredictor(10, 20, 20)); // p = 10: a exactly
    assertEquals(20, PngEncoder.paethPredictor(10, 20, 10)); // p = 20: b exactly
    assertEquals(20, PngEncoder.paethPredictor(10, 20, 5)); // p = 25: b is 5 away, a 15, c 20
    assertEquals(15, PngEncoder.paethPredictor(20, 10, 15)); // p = 15: c exactly
    assertEquals(10, PngEncoder.paethPredictor(10, 10, 0)); // a and b tie (10 away), c is 20: a first
    assertEquals(0, PngEncoder.paethPredictor(0, 255, 255)); // p = 0
  }

  private static int adler(byte[] data) {
    Adler32 a = new Adler32();
    a.update(data);
    return (int) a.getValue();
  }

  private static byte[] encode(Rgba8 img, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngEncoder.write(img, level, out);
    return out.toByteArray();
  }

  /** Smooth gradients plus noise, alpha varying: every filter type wins somewhere. */
  private static Rgba8 photoLike(int width, int height, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] data = new byte[width * height * 4];
    for (int y = 0, o = 0; y < height; y++) {
      for (int x = 0; x < width; x++, o += 4) {
        data[o] = (byte) (x * 255 / Math.max(1, width - 1) + random.nextInt(-6, 7));
        data[o + 1] = (byte) (y * 255 / Math.max(1, height - 1) + random.nextInt(-6, 7));
        data[o + 2] = (byte) random.nextInt(256);
        data[o + 3] = (byte) ((x + y) % 7 == 0 ? random.nextInt(256) : 255);
      }
    }
    return new Rgba8(width, height, data);
  }
}
