package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files in memory and host pictures ({@link Images#decode}, {@link Images#encode}, {@code load(byte[])},
 * {@link HostImage}) on the CPU backend: the same pixels and the same bytes as the path-based load and save.
 */
class ImagesInMemoryTest {
  private static final BackendKind CPU = BackendKind.CPU;

  @TempDir
  Path dir;

  private static byte[] pattern(int w, int h) {
    byte[] b = new byte[w * h * 4];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 37 + i / 4 * 11);
    }
    return b;
  }

  private static Image cpuImage(int w, int h, byte[] rgba) {
    Image img = new Image(w, h, CPU);
    Images.fromArrayInto(img, rgba, w, h, 4);
    return img;
  }

  private static byte[] u8(Image img) {
    try (ImageU8 u8 = new ImageU8(img.width(), img.height(), img.backend())) {
      Images.convertFloatToU8(u8, img);
      return Images.download(u8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpg", "bmp", "tif"})
  void encodeGivesTheBytesSaveWrites(String ext) throws IOException {
    Path file = dir.resolve("a." + ext);
    try (Image img = cpuImage(33, 17, pattern(33, 17))) {
      Images.save(img, file, Images.Save.DEFAULTS.withQuality(90));
      byte[] encoded = Images.encode(img, ext, Images.Save.DEFAULTS.withQuality(90));
      assertArrayEquals(Files.readAllBytes(file), encoded);
      assertArrayEquals(encoded, Images.encode(img, "." + ext.toUpperCase(java.util.Locale.ROOT),
          Images.Save.DEFAULTS.withQuality(90)), "a leading dot and any case name the same format");
      assertArrayEquals(encoded, Images.encode(Images.toHostImage(img), ext, 90),
          "encoding host pixels gives the same bytes");
    }
  }

  @Test
  void decodeAndLoadFromBytesAndStreamsMatchLoadingTheFile() throws IOException {
    byte[] rgba = pattern(20, 9);
    Path file = dir.resolve("p.png");
    try (Image img = cpuImage(20, 9, rgba)) {
      Images.save(img, file);
    }
    byte[] bytes = Files.readAllBytes(file);
    HostImage fromBytes = Images.decode(bytes, true);
    assertEquals(20, fromBytes.width());
    assertEquals(9, fromBytes.height());
    assertArrayEquals(rgba, fromBytes.rgba());
    assertArrayEquals(rgba, Images.decode(new ByteArrayInputStream(bytes), false).rgba());
    assertArrayEquals(rgba, Images.decode(file, false).rgba());

    ImageU8 scratch = new ImageU8(32, 32, CPU);
    try (scratch;
        Image a = Images.load(bytes, Images.Load.DEFAULTS.withU8Buffer(scratch));
        Image b = Images.load(new ByteArrayInputStream(bytes), Images.Load.DEFAULTS.withU8Buffer(scratch));
        Image c = Images.fromHostImage(fromBytes, CPU);
        Image fromFile = Images.load(file, Images.Load.DEFAULTS.withU8Buffer(scratch))) {
      assertEquals(CPU, a.backend(), "the scratch buffer's backend");
      float[] expected = Images.download(fromFile);
      assertArrayEquals(expected, Images.download(a));
      assertArrayEquals(expected, Images.download(b));
      assertArrayEquals(expected, Images.download(c));
    }
  }

  @Test
  void hostImageRoundTripsThroughTheBackend() {
    byte[] rgba = pattern(5, 3);
    try (Image img = Images.fromHostImage(new HostImage(5, 3, rgba), CPU);
        ImageU8 scratch = new ImageU8(2, 2, CPU)) {
      assertArrayEquals(rgba, u8(img));
      assertArrayEquals(rgba, Images.toHostImage(img).rgba());
      ImageU8 big = new ImageU8(5, 3, CPU);
      try (big) {
        assertArrayEquals(rgba, Images.toHostImage(img, big).rgba());
      }
      assertThrows(CapacityExceededException.class, () -> Images.toHostImage(img, scratch));
    }
  }

  @Test
  void hostImageChecksItsSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new HostImage(2, 2, new byte[15]));
    assertTrue(e.getMessage().contains("Expected 16 bytes, got 15"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new HostImage(0, 2, new byte[0]));
    assertEquals("HostImage(2x2)", new HostImage(2, 2, new byte[16]).toString());
  }

  @Test
  void corruptDataAndUnknownFormatsAreClearErrors() throws IOException {
    IOException notImage = assertThrows(IOException.class,
        () -> Images.decode("not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII), false));
    assertTrue(notImage.getMessage().contains("image data (12 bytes)"), notImage.getMessage());

    Path file = dir.resolve("t.png");
    try (Image img = cpuImage(16, 16, pattern(16, 16))) {
      Images.save(img, file);
      byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(file), 60);
      assertThrows(IOException.class, () -> Images.load(truncated, Images.Load.DEFAULTS));

      byte[] webp = Images.encode(img, "webp", Images.Save.DEFAULTS.withLossless(true));
      assertEquals("RIFF", new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
      assertEquals("WEBP", new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
          () -> Images.encode(img, "xyz", Images.Save.DEFAULTS));
      assertTrue(unknown.getMessage().contains("Images.encode: unsupported format 'xyz'"), unknown.getMessage());
      IllegalArgumentException quality = assertThrows(IllegalArgumentException.class,
          () -> Images.encode(img, "jpg", Images.Save.DEFAULTS.withQuality(0)));
      assertTrue(quality.getMessage().contains("quality must be in 1..100"), quality.getMessage());
    }
  }

  @Test
  void jpegQualityReachesTheEncoder() throws IOException {
    HostImage pixels = new HostImage(64, 64, pattern(64, 64));
    byte[] low = Images.encode(pixels, "jpg", 10);
    byte[] high = Images.encode(pixels, "jpeg", 95);
    assertNotEquals(low.length, high.length);
    assertTrue(low.length < high.length);
    assertEquals((byte) 0xFF, low[0]);
    assertEquals((byte) 0xD8, low[1]);
  }
}
