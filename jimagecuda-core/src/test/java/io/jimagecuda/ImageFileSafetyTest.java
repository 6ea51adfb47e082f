package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and damaged image files (issue 11): decompression bombs are refused from the header, damaged
 * files fail with a message saying what is wrong unless accepted, files that are not regular files say
 * what they are, the limits are configurable per call and per process, and the encoders added for issue 13
 * (the parallel PNG encoder, libwebp) keep the pixels.
 */
class ImageFileSafetyTest {
  private static final BackendKind CPU = BackendKind.CPU;

  @TempDir
  Path dir;

  private static Image load(Path file, Images.Load options) throws IOException {
    ImageU8 u8 = new ImageU8(1, 1, CPU);
    try {
      // The u8 buffer pins the backend: a scratch of 1 × 1 is too small for real images, so pass none.
      return Images.load(file, options.withU8Buffer(null));
    } finally {
      u8.free();
    }
  }

  private static Image load(Path file) throws IOException {
    return load(file, Images.Load.DEFAULTS);
  }

  private static <T extends Throwable> T assertMessage(Class<T> type, String part, org.junit.jupiter.api.function.Executable call) {
    T e = assertThrows(type, call);
    assertTrue(e.getMessage() != null && e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    assertFalse(e.getMessage().contains("null"), "message mentions null: " + e.getMessage());
    return e;
  }

  private static byte[] noise(int w, int h, long seed) {
    byte[] b = new byte[w * h * 4];
    new Random(seed).nextBytes(b);
    for (int i = 3; i < b.length; i += 4) {
      b[i] = (byte) 255; // opaque, so JPEG keeps the colours
    }
    return b;
  }

  private Path saved(String name, int w, int h, Images.Save options) throws IOException {
    Path file = dir.resolve(name);
    try (Image img = Images.fromArray(noise(w, h, 7), w, h, 4)) {
      Images.save(img, file, options);
    }
    return file;
  }

  // ---------------------------------------------------------------- tiny hostile files

  private static int crc(byte[] type, byte[] data) {
    CRC32 c = new CRC32();
    c.update(type);
    c.update(data);
    return (int) c.getValue();
  }

  private static byte[] pngChunk(String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt(crc(t, data)).array();
  }

  /** A valid PNG header declaring {@code w × h} RGBA, one small IDAT (a few rows of zeros) and IEND. */
  static byte[] pngDeclaring(int w, int h) {
    return pngDeclaring(w, h, 8);
  }

  /** As {@link #pngDeclaring(int, int)} with {@code bits} (8 or 16) per sample. */
  static byte[] pngDeclaring(int w, int h, int bits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    out.writeBytes(pngChunk("IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bits).put((byte) 6)
        .put((byte) 0).put((byte) 0).put((byte) 0).array()));
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[4096]);
    deflater.finish();
    byte[] z = new byte[4096];
    int n = deflater.deflate(z);
    out.writeBytes(pngChunk("IDAT", Arrays.copyOf(z, n)));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** 30 bytes: a RIFF/WebP lossless (VP8L) header declaring 16383 × 16383 and no image data. */
  static byte[] webpBomb() {
    int bits = (16383 - 1) | ((16383 - 1) << 14);
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0x2F).putInt(bits);
    return b.array();
  }

  /** 144 bytes: a classic TIFF whose IFD declares 20000 × 20000 8-bit grey in one uncompressed strip. */
  static byte[] tiffBomb() {
    ByteBuffer b = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    int[][] entries = {
        {256, 4, 20000}, {257, 4, 20000}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
        {273, 4, 130}, {277, 3, 1}, {278, 4, 20000}, {279, 4, 400_000_000},
    };
    b.putShort((short) entries.length);
    for (int[] e : entries) {
      b.putShort((short) e[0]).putShort((short) e[1]).putInt(1);
      if (e[1] == 3) {
        b.putShort((short) e[2]).putShort((short) 0);
      } else {
        b.putInt(e[2]);
      }
    }
    b.putInt(0);
    return b.array();
  }

  @Test
  void webpBombIsRefusedFromItsHeader() throws IOException {
    Path file = Files.write(dir.resolve("bomb.webp"), webpBomb());
    assertEquals(30, Files.size(file));
    long start = System.nanoTime();
    assertMessage(IOException.class, "16383x16383", () -> load(file));
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "must fail from the header, not after decoding");
  }

  @Test
  void tiffBombIsRefusedFromItsHeader() throws IOException {
    Path file = Files.write(dir.resolve("bomb.tif"), tiffBomb());
    assertEquals(144, Files.size(file));
    IOException e = assertMessage(IOException.class, "20000x20000", () -> load(file));
    assertTrue(e.getMessage().contains("limit of " + Config.DEFAULT_LOAD_MAX_PIXELS), e.getMessage());
  }

  /**
   * Found by the decoding fuzz target after 994,020 runs: a 101-byte TIFF whose SamplesPerPixel is
   * 2,113,929,216 made the TIFF reader allocate gigabytes while describing the image type, before any pixel
   * and before the heap check; the JVM's OutOfMemoryError reached the caller.
   */
  @Test
  void tiffHeaderSizingHugeArraysIsAClearError() throws IOException {
    byte[] tiff = java.util.Base64.getDecoder().decode("TU0AKgAAAAgADAEAAD8AAAABAC9JAAEBAAMAAAABAAoAAAECAAMAAAABAAgADAEAAA"
        + "MAAAABAApJAAECAAMAAAABAAwAAAEVAAQAAAABfgAAAAAIw8PDw8PDw8Nsb2FkIABS3WA=");
    Path file = Files.write(dir.resolve("samples.tif"), tiff);
    assertEquals(101, Files.size(file));
    assertMessage(IOException.class, "Cannot load " + file, () -> load(file));
    try (Image fine = new Image(4, 4, CPU)) {
      assertEquals(4, fine.width(), "the process goes on");
    }
  }

  @Test
  void pngWithHugeHeaderIsRefusedFromItsHeader() throws IOException {
    Path file = Files.write(dir.resolve("bomb.png"), pngDeclaring(16384, 16384));
    assertMessage(IOException.class, "16384x16384 = 268435456 pixels", () -> load(file));
  }

  @Test
  void limitIsExactPerCallAndApplies() throws IOException {
    Path file = saved("small.png", 100, 50, Images.Save.DEFAULTS);
    assertMessage(IOException.class, "more than the limit of 4999",
        () -> load(file, Images.Load.DEFAULTS.withMaxPixels(4999)));
    try (Image img = load(file, Images.Load.DEFAULTS.withMaxPixels(5000))) {
      assertEquals(100, img.width());
    }
    assertMessage(IllegalArgumentException.class, "maxPixels must be positive",
        () -> load(file, Images.Load.DEFAULTS.withMaxPixels(-3)));
  }

  @Test
  void limitFromConfigAndBadSettingsDoNotPoisonTheProcess() throws IOException {
    Path file = saved("small.png", 100, 50, Images.Save.DEFAULTS);
    String key = "jimagecuda.load.maxPixels";
    try {
      System.setProperty(key, "4999");
      assertMessage(IOException.class, "limit of 4999", () -> load(file));
      try (Image img = load(file, Images.Load.DEFAULTS.withMaxPixels(5000))) {
        assertEquals(50, img.height(), "the per-call limit wins over the setting");
      }
      System.setProperty(key, "lots");
      IllegalArgumentException e = assertMessage(IllegalArgumentException.class, "jimagecuda.load.maxPixels", () -> load(file));
      assertTrue(e.getMessage().contains("positive integer") && e.getMessage().contains("'lots'"), e.getMessage());
      System.setProperty("jimagecuda.load.acceptTruncated", "maybe");
      System.clearProperty(key);
      assertMessage(IllegalArgumentException.class, "must be true, false, 1 or 0", () -> load(file));
    } finally {
      System.clearProperty(key);
      System.clearProperty("jimagecuda.load.acceptTruncated");
    }
    try (Image img = load(file)) {
      assertEquals(100, img.width(), "a corrected setting works again in the same process");
    }
  }

  @Test
  void declaredSizeBeyondTheHeapIsRefusedWithTheBytesAsked() throws IOException {
    // 16-bit RGBA: the decoder's image takes 8 bytes a pixel, the RGBA copy 4 more (6.4 GB in all).
    Path file = Files.write(dir.resolve("big.png"), pngDeclaring(32767, 16383, 16));
    long needed = 32767L * 16383 * 12;
    assumeTrue(Runtime.getRuntime().maxMemory() < needed, "this JVM's heap could hold the image");
    IOException e = assertMessage(IOException.class, "bytes of Java heap",
        () -> load(file, Images.Load.DEFAULTS.withMaxPixels(Long.MAX_VALUE)));
    assertTrue(e.getMessage().contains("big.png") && e.getMessage().contains("-Xmx"), e.getMessage());
  }

  // ---------------------------------------------------------------- damaged files

  private Path cut(Path file, double fraction) throws IOException {
    byte[] all = Files.readAllBytes(file);
    return Files.write(dir.resolve("cut-" + file.getFileName()), Arrays.copyOf(all, (int) (all.length * fraction)));
  }

  @Test
  void truncatedJpegFailsUnlessAccepted() throws IOException {
    Path cut = cut(saved("photo.jpg", 256, 256, Images.Save.DEFAULTS.withQuality(90)), 0.3);
    assertMessage(IOException.class, "damaged or truncated", () -> load(cut));
    try (Image img = load(cut, Images.Load.DEFAULTS.withAcceptTruncated(true))) {
      assertEquals(256, img.width());
      assertEquals(256, img.height());
    }
  }

  @Test
  void truncatedPngFailsUnlessAccepted() throws IOException {
    Path cut = cut(saved("noise.png", 128, 128, Images.Save.DEFAULTS), 0.5);
    IOException e = assertMessage(IOException.class, "truncated", () -> load(cut));
    assertTrue(e.getMessage().contains("cut-noise.png") && e.getMessage().contains("withAcceptTruncated"),
        e.getMessage());
    try (Image img = load(cut, Images.Load.DEFAULTS.withAcceptTruncated(true))) {
      assertEquals(128, img.width());
      float[] px = Images.download(img);
      assertTrue(px[3] > 0.99f, "the first rows were decoded");
      assertEquals(0f, px[px.length - 1], "the missing rows are transparent");
    }
  }

  @Test
  void pngWithBadCrcFailsUnlessAccepted() throws IOException {
    byte[] png = Files.readAllBytes(saved("ok.png", 16, 16, Images.Save.DEFAULTS));
    png[8 + 8 + 3] ^= 0x01; // a byte of IHDR's width: the CRC no longer matches
    png[8 + 8 + 3] ^= 0x01;
    int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
    png[idat + 4 + 5] ^= 0x55; // a byte inside the compressed data
    Path bad = Files.write(dir.resolve("badcrc.png"), png);
    assertMessage(IOException.class, "chunk IDAT at byte " + (idat - 4) + " has a bad CRC", () -> load(bad));
    // Accepted: the decoder gets the altered data; whatever it makes of it, it is a 16 × 16 image or a clear error.
    try (Image img = load(bad, Images.Load.DEFAULTS.withAcceptTruncated(true))) {
      assertEquals(16, img.width());
    } catch (IOException e) {
      assertTrue(e.getMessage().contains("badcrc.png") && !e.getMessage().contains("null"), e.getMessage());
    }
  }

  @Test
  void acceptTruncatedSettingAppliesToEveryLoad() throws IOException {
    Path cut = cut(saved("noise.png", 64, 64, Images.Save.DEFAULTS), 0.6);
    try {
      System.setProperty("jimagecuda.load.acceptTruncated", "true");
      try (Image img = load(cut)) {
        assertEquals(64, img.width());
      }
    } finally {
      System.clearProperty("jimagecuda.load.acceptTruncated");
    }
    assertMessage(IOException.class, "truncated", () -> load(cut));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void truncatedWebpSaysSoWithoutNull(boolean lossless) throws IOException {
    Path cut = cut(saved("noise.webp", 64, 64, Images.Save.DEFAULTS.withLossless(lossless)), 0.5);
    IOException e = assertMessage(IOException.class, "truncated", () -> load(cut));
    assertTrue(e.getMessage().contains("RIFF header declares"), e.getMessage());
    try (Image img = load(cut, Images.Load.DEFAULTS.withAcceptTruncated(true))) {
      assertEquals(64, img.width());
    } catch (IOException accepted) {
      assertTrue(accepted.getMessage().contains("cut-noise.webp"), accepted.getMessage());
      assertFalse(accepted.getMessage().contains("null"), accepted.getMessage());
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // ---------------------------------------------------------------- not regular files

  @Test
  void directorySaysSo() {
    assertMessage(IOException.class, "is a directory", () -> load(dir));
  }

  @Test
  void fifoSaysSo() throws Exception {
    Path fifo = dir.resolve("pipe.png");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
    IOException e = assertMessage(IOException.class, "not a regular file", () -> load(fifo));
    assertFalse(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void permissionDeniedSaysSo() throws IOException {
    Path file = saved("secret.png", 4, 4, Images.Save.DEFAULTS);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as a user who can read any file (root)");
    assertMessage(AccessDeniedException.class, "permission denied", () -> load(file));
  }

  // ---------------------------------------------------------------- encoders

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6, 9, Images.Save.ENCODER_DEFAULT_COMPRESSION})
  void pngKeepsEveryPixelAtEveryLevel(int level) throws IOException {
    int w = 97;
    int h = 61;
    byte[] rgba = noise(w, h, level + 100);
    for (int i = 3; i < rgba.length; i += 16) {
      rgba[i] = (byte) (i % 256); // alpha varies too
    }
    Path file = dir.resolve("level" + level + ".png");
    try (ImageU8 u8 = new ImageU8(w, h, CPU)) {
      Images.upload(u8, rgba);
      Images.saveU8(u8, file, Images.Save.DEFAULTS.withCompressionLevel(level));
    }
    java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(file.toFile());
    assertEquals(w, back.getWidth());
    byte[] decoded = new byte[w * h * 4];
    for (int y = 0, o = 0; y < h; y++) {
      for (int x = 0; x < w; x++, o += 4) {
        int argb = back.getRGB(x, y);
        decoded[o] = (byte) (argb >> 16);
        decoded[o + 1] = (byte) (argb >> 8);
        decoded[o + 2] = (byte) argb;
        decoded[o + 3] = (byte) (argb >>> 24);
      }
    }
    assertArrayEquals(rgba, decoded, "the JDK's PNG reader reads back exactly what was saved");
  }

  @Test
  void compressionLevelIsChecked() throws IOException {
    try (Image img = new Image(2, 2, CPU)) {
      assertMessage(IllegalArgumentException.class, "compressionLevel must be in 0..9",
          () -> Images.save(img, dir.resolve("x.png"), Images.Save.DEFAULTS.withCompressionLevel(10)));
    }
  }

  @Test
  void webpLosslessKeepsEveryPixelAndLossyFollowsQuality() throws IOException {
    int w = 80;
    int h = 40;
    byte[] rgba = noise(w, h, 3);
    for (int i = 3; i < rgba.length; i += 8) {
      rgba[i] = (byte) 128;
    }
    Path lossless = dir.resolve("exact.webp");
    try (ImageU8 u8 = new ImageU8(w, h, CPU)) {
      Images.upload(u8, rgba);
      Images.saveU8(u8, lossless, Images.Save.DEFAULTS.withLossless(true));
      Images.saveU8(u8, dir.resolve("q10.webp"), 10);
      Images.saveU8(u8, dir.resolve("q95.webp"), 95);
    }
    try (Image back = load(lossless); ImageU8 u8 = new ImageU8(w, h, CPU)) {
      Images.convertFloatToU8(u8, back);
      assertArrayEquals(rgba, Images.download(u8), "lossless WebP, read back by TwelveMonkeys");
    }
    assertTrue(Files.size(dir.resolve("q10.webp")) < Files.size(dir.resolve("q95.webp")), "quality changes the size");
    try (Image back = load(dir.resolve("q95.webp"))) {
      assertEquals(w, back.width());
    }
  }

  @Test
  void webpLargerThanItsLimitSaysSo() throws IOException {
    try (ImageU8 u8 = new ImageU8(16384, 1, CPU)) {
      assertMessage(IOException.class, "16383 pixels per side", () -> Images.saveU8(u8, dir.resolve("wide.webp")));
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "no temporary file left behind");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"out.png", "out.jpg", "out.bmp", "out.tif", "out.webp"})
  void everyFormatRoundTripsItsSize(String name) throws IOException {
    Path file = saved(name, 33, 21, Images.Save.DEFAULTS);
    try (Image back = load(file)) {
      assertEquals(33, back.width());
      assertEquals(21, back.height());
    }
  }

  /** The direct PNG decoder agrees with the JDK's reader on files written by the JDK (its own row filters). */
  @ParameterizedTest
  @ValueSource(ints = {java.awt.image.BufferedImage.TYPE_BYTE_GRAY, java.awt.image.BufferedImage.TYPE_3BYTE_BGR,
      java.awt.image.BufferedImage.TYPE_4BYTE_ABGR, java.awt.image.BufferedImage.TYPE_INT_ARGB})
  void directPngDecoderMatchesTheJdkReader(int type) throws IOException {
    int w = 67;
    int h = 45;
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, type);
    Random random = new Random(type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // Smooth areas and noise, so that the JDK's writer picks several row filters.
        int base = (x * 3 + y * 2) & 0xFF;
        int argb = (y < h / 2 ? base : random.nextInt()) | (random.nextInt(256) << 24);
        img.setRGB(x, y, argb);
      }
    }
    Path file = dir.resolve("jdk" + type + ".png");
    assertTrue(javax.imageio.ImageIO.write(img, "png", file.toFile()));
    java.awt.image.BufferedImage expected = javax.imageio.ImageIO.read(file.toFile());
    try (Image back = load(file); ImageU8 u8 = new ImageU8(w, h, CPU)) {
      Images.convertFloatToU8(u8, back);
      byte[] got = Images.download(u8);
      java.awt.image.Raster raster = expected.getRaster();
      boolean grey = raster.getNumBands() <= 2;
      boolean alpha = expected.getColorModel().hasAlpha();
      int[] px = new int[raster.getNumBands()];
      for (int y = 0, o = 0; y < h; y++) {
        for (int x = 0; x < w; x++, o += 4) {
          raster.getPixel(x, y, px);
          int[] want = {px[0], px[grey ? 0 : 1], px[grey ? 0 : 2], alpha ? px[px.length - 1] : 255};
          int[] have = {got[o] & 0xFF, got[o + 1] & 0xFF, got[o + 2] & 0xFF, got[o + 3] & 0xFF};
          assertArrayEquals(want, have, "pixel " + x + "," + y);
        }
      }
    }
  }
}
