package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Images} on the CPU backend: transfers, conversions, files and bridges, with known pixel values. */
class ImagesTest {
  private static final BackendKind CPU = BackendKind.CPU;

  @TempDir
  Path dir;

  // ---------------------------------------------------------------- helpers

  /** A CPU float image holding the given 8-bit RGBA pixels ({@code v / 255}). */
  private static Image cpuImage(int w, int h, byte[] rgba) {
    Image img = new Image(w, h, CPU);
    Images.fromArrayInto(img, rgba, w, h, 4);
    return img;
  }

  /** Deterministic RGBA bytes covering 0..255 in every channel, transparent pixels with colour included. */
  private static byte[] pattern(int w, int h) {
    byte[] b = new byte[w * h * 4];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 37 + i / 4 * 11);
    }
    return b;
  }

  /** Loads {@code file} into a CPU image with room for 256 × 256 pixels. */
  private static Image load(Path file, boolean autorotate) throws IOException {
    return load(file, autorotate, 256, 256);
  }

  /** Loads {@code file} into a CPU image with room for {@code w × h} pixels. */
  private static Image load(Path file, boolean autorotate, int w, int h) throws IOException {
    Image buffer = new Image(w, h, CPU);
    try {
      Images.loadInto(buffer, file, Images.Load.DEFAULTS.withAutorotate(autorotate));
      return buffer;
    } catch (IOException | RuntimeException e) {
      buffer.free();
      throw e;
    }
  }

  /** A CPU float image holding {@code img}'s pixels. */
  private static Image fromBufferedImage(BufferedImage img) {
    Image dst = new Image(img.getWidth(), img.getHeight(), CPU);
    Images.fromBufferedImageInto(dst, img);
    return dst;
  }

  /** The image's pixels as 8-bit values, asserting each float is exactly {@code k / 255}. */
  private static int[] u8(Image img) {
    return u8(Images.download(img), 0, img.width() * img.height() * 4);
  }

  /** Pixel (x, y) as 8-bit values, asserting each float is exactly {@code k / 255}. */
  private static int[] pixel(Image img, int x, int y) {
    return u8(Images.download(img), (y * img.width() + x) * 4, 4);
  }

  private static int[] u8(float[] f, int from, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      float v = f[from + i];
      out[i] = Math.round(v * 255);
      if (out[i] / 255f != v) {
        throw new AssertionError("channel " + (from + i) + " = " + v + " is not an exact v/255");
      }
    }
    return out;
  }

  private static int[] unsigned(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] & 0xFF;
    }
    return out;
  }

  private static Path write(BufferedImage img, String format, Path file) throws IOException {
    assertTrue(ImageIO.write(img, format, file.toFile()), "no ImageIO writer for " + format);
    return file;
  }

  private static BufferedImage image(ColorModel cm, int w, int h) {
    return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
  }

  // ---------------------------------------------------------------- host transfers

  @Nested
  class Transfers {
    @Test
    void floatArrayRoundTripKeepsEveryBitPattern() {
      float[] data = {0f, 1f, -0.5f, 2.5f, Float.NaN, Float.POSITIVE_INFINITY, 1e-30f, 0.123456f};
      try (Image img = new Image(2, 1, CPU)) {
        Images.upload(img, data);
        assertArrayEquals(data, Images.download(img));
        assertArrayEquals(data, Images.toArray(img));
      }
    }

    @Test
    void byteArrayRoundTrip() {
      byte[] data = pattern(3, 2);
      try (ImageU8 img = new ImageU8(3, 2, CPU)) {
        Images.upload(img, data);
        assertArrayEquals(data, Images.download(img));
      }
    }

    @Test
    void heapAndDirectByteBuffersCarryLittleEndianFloats() {
      float[] data = {0.25f, -1f, 3f, 1f, 0.5f, 0f, Float.NaN, 1f};
      for (ByteBuffer buf : List.of(ByteBuffer.allocate(32), ByteBuffer.allocateDirect(32))) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
          buf.putFloat(v);
        }
        buf.flip();
        try (Image img = new Image(2, 1, CPU)) {
          Images.upload(img, buf);
          assertEquals(0, buf.position(), "upload must not move the position");
          assertArrayEquals(data, Images.download(img));

          ByteBuffer out = Images.allocateHostBuffer(img);
          Images.download(img, out);
          assertEquals(0, out.position(), "download must not move the position");
          for (float v : data) {
            assertEquals(v, out.getFloat());
          }
        }
      }
    }

    @Test
    void byteBufferIntoEightBitImage() {
      byte[] data = pattern(2, 2);
      try (ImageU8 img = new ImageU8(2, 2, CPU)) {
        Images.upload(img, ByteBuffer.allocateDirect(16).put(data).flip());
        ByteBuffer out = ByteBuffer.allocate(16);
        Images.download(img, out);
        assertArrayEquals(data, out.array());
      }
    }

    @Test
    void transfersUseTheLogicalSize() {
      try (Image img = new Image(4, 4, CPU)) {
        img.setLogicalSize(2, 3);
        assertEquals(24, Images.download(img).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Images.upload(img, new float[64]));
        assertTrue(e.getMessage().contains("Expected 24 floats, got 64"), e.getMessage());
      }
    }

    @Test
    void wrongLengthsAndReadOnlyBuffersAreRejected() {
      try (ImageU8 u8 = new ImageU8(2, 2, CPU); Image f = new Image(2, 2, CPU)) {
        assertMessage(IllegalArgumentException.class, "Expected 16 bytes, got 15", () -> Images.upload(u8, new byte[15]));
        assertMessage(IllegalArgumentException.class, "Expected 64 bytes, got 16",
            () -> Images.upload(f, ByteBuffer.allocate(16)));
        assertMessage(IllegalArgumentException.class, "Expected 64 bytes, got 63",
            () -> Images.download(f, ByteBuffer.allocate(63)));
        assertMessage(IllegalArgumentException.class, "read-only",
            () -> Images.download(u8, ByteBuffer.allocate(16).asReadOnlyBuffer()));
      }
    }

    @Test
    void freedImagesAreRejected() {
      Image f = new Image(2, 2, CPU);
      ImageU8 u8 = new ImageU8(2, 2, CPU);
      f.free();
      u8.free();
      assertMessage(IllegalStateException.class, "freed", () -> Images.upload(f, new float[16]));
      assertMessage(IllegalStateException.class, "freed", () -> Images.download(u8));
      try (Image live = new Image(2, 2, CPU)) {
        assertMessage(IllegalStateException.class, "freed", () -> Images.copy(live, f));
        assertMessage(IllegalStateException.class, "freed", () -> Images.convertFloatToU8(u8, live));
      }
    }
  }

  // ---------------------------------------------------------------- copies and conversions

  @Nested
  class CopiesAndConversions {
    @Test
    void copyResizesTheDestinationAndCopiesThePixels() {
      float[] data = new float[2 * 3 * 4];
      for (int i = 0; i < data.length; i++) {
        data[i] = i * 0.1f;
      }
      try (Image src = new Image(2, 3, CPU); Image dst = new Image(5, 5, CPU)) {
        Images.upload(src, data);
        Images.copy(dst, src);
        assertEquals(2, dst.width());
        assertEquals(3, dst.height());
        assertEquals(25, dst.capacity());
        assertArrayEquals(data, Images.download(dst));
      }
    }

    @Test
    void copyOfEightBitImages() {
      try (ImageU8 src = new ImageU8(3, 1, CPU); ImageU8 dst = new ImageU8(1, 4, CPU)) {
        Images.upload(src, pattern(3, 1));
        Images.copy(dst, src);
        assertArrayEquals(pattern(3, 1), Images.download(dst));
      }
    }

    @Test
    void copyIntoTooSmallImageFails() {
      try (Image src = new Image(4, 4, CPU); Image dst = new Image(3, 5, CPU)) {
        assertMessage(CapacityExceededException.class, "exceed buffer capacity", () -> Images.copy(dst, src));
        assertEquals(3, dst.width(), "a failed copy leaves the size alone");
      }
    }

    @Test
    void copyOntoItselfChangesNothing() {
      try (Image img = new Image(2, 1, CPU)) {
        float[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        Images.upload(img, data);
        Images.copy(img, img);
        assertArrayEquals(data, Images.download(img));
      }
    }

    @Test
    void floatToU8ClampsAndRoundsHalfUp() {
      float[] in = {0f, 1f, Float.NaN, -0.5f, 1.5f, 0.5f, 0.25f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
          0.5f / 255f, 0.45f / 255f, 254.5f / 255f, 254.45f / 255f, Float.MIN_VALUE, -0f, 128f / 255f};
      int[] expected = {0, 255, 0, 0, 255, 128, 64, 0, 255, 1, 0, 255, 254, 0, 0, 128};
      try (Image src = new Image(4, 1, CPU); ImageU8 dst = new ImageU8(2, 2, CPU)) {
        Images.upload(src, in);
        Images.convertFloatToU8(dst, src);
        assertEquals(4, dst.width());
        assertEquals(1, dst.height());
        assertArrayEquals(expected, unsigned(Images.download(dst)));
      }
    }

    @Test
    void floatToU8RoundsEveryHalfStepUpAndRecoversEveryLevel() {
      float[] halves = new float[256 * 4];
      float[] levels = new float[256 * 4];
      float[] below = new float[256 * 4];
      for (int k = 0; k < 256; k++) {
        for (int c = 0; c < 4; c++) {
          halves[k * 4 + c] = Math.min(k + 0.5f, 255f) / 255f;
          levels[k * 4 + c] = k / 255f;
          below[k * 4 + c] = Math.max(k - 0.45f, 0f) / 255f;
        }
      }
      try (Image src = new Image(256, 1, CPU); ImageU8 dst = new ImageU8(256, 1, CPU)) {
        for (float[] data : List.of(halves, levels, below)) {
          Images.upload(src, data);
          Images.convertFloatToU8(dst, src);
          int[] out = unsigned(Images.download(dst));
          for (int k = 0; k < 256; k++) {
            int want = data == halves ? Math.min(k + 1, 255) : k;
            assertEquals(want, out[k * 4], "level " + k);
          }
        }
      }
    }

    @Test
    void u8ToFloatIsExactlyVOver255() {
      byte[] in = new byte[256 * 4];
      for (int i = 0; i < in.length; i++) {
        in[i] = (byte) (i / 4);
      }
      try (ImageU8 src = new ImageU8(256, 1, CPU); Image dst = new Image(16, 16, CPU)) {
        Images.upload(src, in);
        Images.convertU8ToFloat(dst, src);
        assertEquals(256, dst.width());
        float[] out = Images.download(dst);
        assertEquals(0f, out[0]);
        assertEquals(1f, out[out.length - 1]);
        for (int i = 0; i < out.length; i++) {
          assertEquals((i / 4) / 255f, out[i]);
        }
      }
    }

    @Test
    void conversionsIntoTooSmallImagesFail() {
      try (Image f = new Image(4, 4, CPU); ImageU8 small = new ImageU8(3, 3, CPU);
          ImageU8 u8 = new ImageU8(4, 4, CPU); Image smallF = new Image(2, 2, CPU)) {
        assertMessage(CapacityExceededException.class, "exceed buffer capacity", () -> Images.convertFloatToU8(small, f));
        assertMessage(CapacityExceededException.class, "exceed buffer capacity", () -> Images.convertU8ToFloat(smallF, u8));
      }
    }
  }

  // ---------------------------------------------------------------- files: round trips

  @Nested
  class FileRoundTrips {
    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tif", "tiff", "PNG", "Bmp", "TIF"})
    void losslessFormatsRoundTripExactly(String ext) throws IOException {
      byte[] rgba = pattern(7, 5);
      Path file = dir.resolve("round." + ext);
      try (Image img = cpuImage(7, 5, rgba)) {
        Images.save(img, file);
      }
      try (Image back = load(file, false)) {
        assertEquals(7, back.width());
        assertEquals(5, back.height());
        assertArrayEquals(unsigned(rgba), u8(back));
      }
    }

    @Test
    void saveU8WritesTheBytesAsStored() throws IOException {
      byte[] rgba = pattern(3, 4);
      Path file = dir.resolve("u8.png");
      try (ImageU8 img = new ImageU8(3, 4, CPU)) {
        Images.upload(img, rgba);
        Images.saveU8(img, file);
      }
      BufferedImage read = ImageIO.read(file.toFile());
      assertEquals(BufferedImage.TYPE_4BYTE_ABGR, read.getType(), "8-bit RGBA PNG");
      int[] samples = read.getRaster().getPixels(0, 0, 3, 4, (int[]) null);
      assertArrayEquals(unsigned(rgba), samples);
    }

    @Test
    void saveConvertsWithRoundingHalfUp() throws IOException {
      Path file = dir.resolve("round.png");
      try (Image img = new Image(1, 1, CPU)) {
        Images.upload(img, new float[] {0.5f, 1.7f, -1f, 0.25f});
        Images.save(img, file);
      }
      assertArrayEquals(new int[] {128, 255, 0, 64},
          ImageIO.read(file.toFile()).getRaster().getPixel(0, 0, (int[]) null));
    }

    @Test
    void saveUsesAndResizesTheSuppliedBuffer() throws IOException {
      Path file = dir.resolve("buf.png");
      try (Image img = cpuImage(3, 2, pattern(3, 2)); ImageU8 u8 = new ImageU8(10, 10, CPU)) {
        Images.save(img, file, Images.Save.DEFAULTS.withU8Buffer(u8));
        assertEquals(3, u8.width());
        assertEquals(2, u8.height());
        assertArrayEquals(pattern(3, 2), Images.download(u8));
        assertFalse(img.isFreed());
      }
    }

    @Test
    void saveReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
      Path file = dir.resolve("again.png");
      Files.writeString(file, "old content");
      try (Image img = cpuImage(2, 2, pattern(2, 2))) {
        Images.save(img, file);
      }
      try (Image back = load(file, false)) {
        assertArrayEquals(unsigned(pattern(2, 2)), u8(back));
      }
      assertEquals(List.of(file), listDir());
    }

    @Test
    void jpegIsCloseAndFlattensAlphaOntoBlack() throws IOException {
      int w = 32;
      int h = 16;
      byte[] rgba = new byte[w * h * 4];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = (y * w + x) * 4;
          rgba[i] = (byte) (x * 8);
          rgba[i + 1] = (byte) (y * 8);
          rgba[i + 2] = (byte) 200;
          rgba[i + 3] = (byte) 255;
        }
      }
      Path file = dir.resolve("smooth.jpg");
      try (Image img = cpuImage(w, h, rgba)) {
        Images.save(img, file, 95);
      }
      try (Image back = load(file, false)) {
        int[] got = u8(back);
        int[] want = unsigned(rgba);
        for (int i = 0; i < got.length; i++) {
          assertTrue(Math.abs(got[i] - want[i]) <= 6, "channel " + i + ": " + got[i] + " vs " + want[i]);
        }
      }

      // Alpha: colour becomes trunc(c·a/255) on black; the file is opaque.
      byte[] translucent = new byte[16 * 16 * 4];
      for (int i = 0; i < translucent.length; i += 4) {
        boolean left = (i / 4) % 16 < 8;
        translucent[i] = (byte) 200;
        translucent[i + 1] = (byte) 100;
        translucent[i + 2] = (byte) 50;
        translucent[i + 3] = (byte) (left ? 128 : 0);
      }
      Path alpha = dir.resolve("alpha.jpeg");
      try (Image img = cpuImage(16, 16, translucent)) {
        Images.save(img, alpha, Images.Save.DEFAULTS.withQuality(100));
      }
      try (Image back = load(alpha, false)) {
        assertNear(new int[] {100, 50, 25, 255}, pixel(back, 2, 8), 3);
        assertNear(new int[] {0, 0, 0, 255}, pixel(back, 13, 8), 3);
      }
    }

    @Test
    void jpegQualityChangesTheFileSize() throws IOException {
      byte[] noise = new byte[64 * 64 * 4];
      new java.util.Random(7).nextBytes(noise);
      for (int i = 3; i < noise.length; i += 4) {
        noise[i] = (byte) 255;
      }
      long[] sizes = new long[3];
      int[] qualities = {10, 50, 95};
      try (Image img = cpuImage(64, 64, noise)) {
        for (int q = 0; q < 3; q++) {
          Path file = dir.resolve("q" + qualities[q] + ".jpg");
          Images.save(img, file, qualities[q]);
          sizes[q] = Files.size(file);
        }
        Path byDefault = dir.resolve("default.jpg");
        Images.save(img, byDefault);
        Path reset = dir.resolve("reset.jpg");
        Images.save(img, reset, Images.Save.DEFAULTS.withQuality(10).withEncoderDefaultQuality());
        assertArrayEquals(Files.readAllBytes(byDefault), Files.readAllBytes(reset),
            "withEncoderDefaultQuality() is the default");
        assertTrue(sizes[0] < sizes[1] && sizes[1] < sizes[2], Arrays.toString(sizes));
        long defaultSize = Files.size(byDefault);
        assertTrue(defaultSize > sizes[1] && defaultSize < sizes[2], "default (75) " + defaultSize + " vs " + Arrays.toString(sizes));
      }
    }

    @Test
    void jpegKeepsFullChromaFromQuality90LikeLibvips() throws IOException {
      try (Image img = cpuImage(16, 16, pattern(16, 16))) {
        for (int q : new int[] {Images.Save.ENCODER_DEFAULT_QUALITY, 75, 89, 90, 100}) {
          Path file = dir.resolve("chroma" + q + ".jpg");
          Images.save(img, file, Images.Save.DEFAULTS.withQuality(q));
          assertEquals(q >= 90 ? 0x11 : 0x22, lumaSampling(file), "quality " + q);
        }
      }
    }

    /** The luma sampling factors (H << 4 | V) of a baseline JPEG's SOF0 segment. */
    private static int lumaSampling(Path jpeg) throws IOException {
      byte[] d = Files.readAllBytes(jpeg);
      for (int i = 2; i + 4 < d.length; i += 2 + ((d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF))) {
        if ((d[i + 1] & 0xFF) == 0xC0) {
          return d[i + 4 + 7] & 0xFF; // precision, height, width, count, then component 1: id, sampling
        }
      }
      throw new AssertionError("no SOF0 in " + jpeg);
    }

    @Test
    void saveU8WithQuality() throws IOException {
      try (ImageU8 img = new ImageU8(8, 8, CPU)) {
        Images.upload(img, pattern(8, 8));
        Path low = dir.resolve("low.jpg");
        Path high = dir.resolve("high.jpg");
        Images.saveU8(img, low, 5);
        Images.saveU8(img, high, 100);
        assertTrue(Files.size(low) < Files.size(high));
      }
    }

    @Test
    void loadWithoutBuffersReturnsANewImageOnTheDefaultBackend() throws IOException {
      Path file = dir.resolve("plain.png");
      try (Image img = cpuImage(3, 2, pattern(3, 2))) {
        Images.save(img, file);
      }
      try (Image a = Images.load(file); Image b = Images.load(file, Images.Load.DEFAULTS.withAutorotate(false))) {
        assertEquals(JImageCuda.defaultBackend(), a.backend());
        assertArrayEquals(unsigned(pattern(3, 2)), u8(a));
        assertArrayEquals(unsigned(pattern(3, 2)), u8(b));
      }
    }

    @Test
    void loadIntoBuffersResizesThem() throws IOException {
      Path file = dir.resolve("buffers.png");
      try (Image img = cpuImage(5, 3, pattern(5, 3))) {
        Images.save(img, file);
      }
      try (Image f32 = new Image(20, 20, CPU); ImageU8 u8 = new ImageU8(4, 4, CPU)) {
        Images.loadInto(f32, file, Images.Load.DEFAULTS.withAutorotate(false).withU8Buffer(u8));
        assertEquals(5, f32.width());
        assertEquals(3, f32.height());
        assertEquals(5, u8.width());
        assertEquals(3, u8.height());
        assertArrayEquals(pattern(5, 3), Images.download(u8));
        assertArrayEquals(unsigned(pattern(5, 3)), u8(f32));
      }
      try (ImageU8 u8 = new ImageU8(15, 1, CPU); Image made = Images.load(file, Images.Load.DEFAULTS.withU8Buffer(u8))) {
        assertEquals(CPU, made.backend(), "a new image goes on the u8Buffer's backend");
        assertArrayEquals(unsigned(pattern(5, 3)), u8(made));
      }
    }
  }

  // ---------------------------------------------------------------- files: decoding rules

  @Nested
  class Decoding {
    @Test
    void greyBecomesRgbWithOpaqueAlpha() throws IOException {
      BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
      grey.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 77, 200});
      for (String format : List.of("png", "tiff")) {
        try (Image img = load(write(grey, format, dir.resolve("grey." + format)), false)) {
          assertArrayEquals(new int[] {0, 0, 0, 255, 77, 77, 77, 255, 200, 200, 200, 255}, u8(img), format);
        }
      }
    }

    @Test
    void lowBitGreyPngIsScaled() throws IOException {
      byte[] ramp = {0, 85, (byte) 170, (byte) 255};
      BufferedImage twoBit = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY,
          new IndexColorModel(2, 4, ramp, ramp, ramp));
      twoBit.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 1, 2, 3});
      Path file = write(twoBit, "png", dir.resolve("grey2.png"));
      assertEquals(2, Files.readAllBytes(file)[24], "stored as a 2-bit greyscale PNG");
      try (Image img = load(file, false)) {
        assertArrayEquals(new int[] {0, 0, 0, 255, 85, 85, 85, 255, 170, 170, 170, 255, 255, 255, 255, 255}, u8(img));
      }
    }

    @Test
    void greyJpegBecomesRgb() throws IOException {
      BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
      Arrays.fill(((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData(), (byte) 90);
      try (Image img = load(write(grey, "jpg", dir.resolve("grey.jpg")), false)) {
        int[] p = pixel(img, 5, 5);
        assertEquals(p[0], p[1]);
        assertEquals(p[0], p[2]);
        assertNear(new int[] {90, 90, 90, 255}, p, 1);
      }
    }

    @Test
    void greyWithAlphaKeepsItsAlpha() throws IOException {
      ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
          Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
      BufferedImage ga = image(cm, 2, 1);
      ga.getRaster().setPixels(0, 0, 2, 1, new int[] {77, 128, 250, 0});
      try (Image img = load(write(ga, "png", dir.resolve("ga.png")), false)) {
        assertArrayEquals(new int[] {77, 77, 77, 128, 250, 250, 250, 0}, u8(img));
      }
    }

    @Test
    void sixteenBitSamplesAreScaledNotClipped() throws IOException {
      ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
          Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
      BufferedImage rgba16 = image(cm, 2, 1);
      rgba16.getRaster().setPixels(0, 0, 2, 1, new int[] {65535, 32768, 0, 65535, 257 * 100, 32767, 128, 32768});
      try (Image img = load(write(rgba16, "png", dir.resolve("rgba16.png")), false)) {
        assertArrayEquals(new int[] {255, 128, 0, 255, 100, 127, 0, 128}, u8(img));
      }
      BufferedImage grey16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
      grey16.getRaster().setPixels(0, 0, 2, 1, new int[] {32768, 65535});
      try (Image img = load(write(grey16, "png", dir.resolve("grey16.png")), false)) {
        assertArrayEquals(new int[] {128, 128, 128, 255, 255, 255, 255, 255}, u8(img));
      }
    }

    @Test
    void paletteImagesLookUpColourAndAlpha() throws IOException {
      IndexColorModel palette = new IndexColorModel(2, 3, new byte[] {10, 20, 30}, new byte[] {40, 50, 60},
          new byte[] {70, 80, (byte) 90}, new byte[] {(byte) 255, 100, 0});
      BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
      indexed.getRaster().setPixels(0, 0, 3, 1, new int[] {1, 0, 2});
      try (Image img = load(write(indexed, "png", dir.resolve("palette.png")), false)) {
        assertArrayEquals(new int[] {20, 50, 80, 100, 10, 40, 70, 255, 30, 60, 90, 0}, u8(img));
      }
      try (Image img = load(write(indexed, "gif", dir.resolve("palette.gif")), false)) {
        int[] p = u8(img);
        assertArrayEquals(new int[] {20, 50, 80}, Arrays.copyOfRange(p, 0, 3));
        assertArrayEquals(new int[] {10, 40, 70, 255}, Arrays.copyOfRange(p, 4, 8));
      }
    }

    @Test
    void webpIsRead() throws IOException {
      // Modernizr's 1 × 1 lossy WebP probe: a flat mid-grey VP8 frame.
      byte[] webp = java.util.Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
      try (Image img = load(Files.write(dir.resolve("probe.webp"), webp), true)) {
        assertEquals(1, img.width());
        assertEquals(1, img.height());
        int[] p = pixel(img, 0, 0);
        assertEquals(p[0], p[1]);
        assertEquals(p[0], p[2]);
        assertNear(new int[] {130, 130, 130, 255}, p, 2);
      }
    }

    @Test
    void jdkReadersAloneGiveTheSamePixels() throws IOException {
      // A class path without TwelveMonkeys falls back to the JDK's own readers (the JDK's TIFF reader is
      // named "tif" first); the pixels must not change.
      byte[] rgba = pattern(5, 4);
      Path tif = dir.resolve("jdk.tif");
      Path bmp = dir.resolve("jdk.bmp");
      Path jpg = dir.resolve("jdk.jpg");
      try (Image img = cpuImage(5, 4, rgba)) {
        Images.save(img, tif);
        Images.save(img, bmp);
        Images.save(img, jpg);
      }
      int[] jpegPixels;
      try (Image img = load(jpg, false)) {
        jpegPixels = u8(img);
      }
      IIORegistry registry = IIORegistry.getDefaultInstance();
      List<ImageReaderSpi> twelveMonkeys = new ArrayList<>();
      registry.getServiceProviders(ImageReaderSpi.class,
          spi -> spi.getClass().getName().startsWith("com.twelvemonkeys."), false).forEachRemaining(twelveMonkeys::add);
      assertFalse(twelveMonkeys.isEmpty());
      twelveMonkeys.forEach(registry::deregisterServiceProvider);
      try (Image fromTif = load(tif, false); Image fromBmp = load(bmp, false); Image fromJpg = load(jpg, false)) {
        assertArrayEquals(unsigned(rgba), u8(fromTif));
        assertArrayEquals(unsigned(rgba), u8(fromBmp));
        assertArrayEquals(jpegPixels, u8(fromJpg));
      } finally {
        twelveMonkeys.forEach(registry::registerServiceProvider);
      }
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws IOException {
      // Adobe CMYK JPEGs store inverted ink: (255, 0, 0, 255) is no cyan, full magenta and yellow, no black.
      WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          cmyk.setPixel(x, y, new int[] {255, 0, 0, 255});
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(cmyk, null, null), null);
      } finally {
        writer.dispose();
      }
      byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
      Path file = dir.resolve("cmyk.jpg");
      Files.write(file, insertAfterSoi(bytes.toByteArray(), adobe));
      try (Image img = load(file, false)) {
        assertNear(new int[] {255, 0, 0, 255}, pixel(img, 8, 8), 40);
      }
    }

    @Test
    void cmykTiffIsConvertedToRgb() throws IOException {
      ColorModel cm = new ComponentColorModel(ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK), false, false,
          Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
      BufferedImage cmyk = image(cm, 2, 1);
      cmyk.getRaster().setPixels(0, 0, 2, 1, new int[] {0, 255, 255, 0, 0, 0, 0, 0});
      try (Image img = load(write(cmyk, "tiff", dir.resolve("cmyk.tif")), false)) {
        assertNear(new int[] {255, 0, 0, 255}, pixel(img, 0, 0), 40);
        assertNear(new int[] {255, 255, 255, 255}, pixel(img, 1, 0), 10);
      }
    }

    @Test
    void photoDecodesLikeTheReference() throws IOException {
      Path kit = conformanceKit();
      try (Image photo = load(kit.resolve("inputs/photo.jpg"), false, 1920, 1080);
          Image inverted = load(kit.resolve("expected/filter_invert.png"), false, 1920, 1080)) {
        assertEquals(1920, photo.width());
        assertEquals(1080, photo.height());
        assertArrayEquals(new int[] {64, 124, 236, 255}, pixel(photo, 0, 0));
        assertArrayEquals(new int[] {123, 160, 238, 255}, pixel(photo, 960, 540));
        assertArrayEquals(new int[] {150, 159, 140, 255}, pixel(photo, 1919, 1079));
        // The reference's filter_invert output is 255 − the pixels its decoder produced, for every pixel.
        int[] p = u8(photo);
        int[] inv = u8(inverted);
        for (int i = 0; i < p.length; i++) {
          int want = i % 4 == 3 ? 255 : 255 - inv[i];
          if (p[i] != want) {
            throw new AssertionError("pixel " + i / 4 + " channel " + i % 4 + ": " + p[i] + " vs reference " + want);
          }
        }
      }
    }

    private static Path conformanceKit() {
      for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
        Path kit = p.resolve("shared/conformance");
        if (Files.isDirectory(kit.resolve("inputs"))) {
          return kit;
        }
      }
      Assumptions.abort("conformance kit not found: no shared/conformance next to the repository root "
          + "(expected ../shared/conformance)");
      throw new AssertionError("unreachable");
    }
  }

  // ---------------------------------------------------------------- EXIF orientation

  @Nested
  class Orientation {
    private static final int[] RED = {255, 0, 0};
    private static final int[] GREEN = {0, 255, 0};
    private static final int[] BLUE = {0, 0, 255};
    private static final int[] WHITE = {255, 255, 255};

    /** Corners top-left, top-right, bottom-left, bottom-right as displayed, per orientation 1..8. */
    private final int[][][] corners = {
        null,
        {RED, GREEN, BLUE, WHITE},
        {GREEN, RED, WHITE, BLUE},
        {WHITE, BLUE, GREEN, RED},
        {BLUE, WHITE, RED, GREEN},
        {RED, BLUE, GREEN, WHITE},
        {BLUE, RED, WHITE, GREEN},
        {WHITE, GREEN, BLUE, RED},
        {GREEN, WHITE, RED, BLUE},
    };

    /** A 48 × 32 JPEG whose stored corners are red, green (top), blue, white (bottom), with orientation. */
    private Path jpeg(int orientation) throws IOException {
      BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR);
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 48; x++) {
          int[] c = x < 16 ? (y < 16 ? RED : BLUE) : x >= 32 ? (y < 16 ? GREEN : WHITE) : new int[] {128, 128, 128};
          img.getRaster().setPixel(x, y, c);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        writer.setOutput(out);
        writer.write(null, new IIOImage(img, null, null), param);
      } finally {
        writer.dispose();
      }
      byte[] tiff = exifTiff(orientation, orientation % 2 == 0);
      ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
      app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
      app1.put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff);
      Path file = dir.resolve("orientation" + orientation + ".jpg");
      Files.write(file, insertAfterSoi(bytes.toByteArray(), app1.array()));
      return file;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegOrientationIsApplied(int orientation) throws IOException {
      try (Image img = load(jpeg(orientation), true)) {
        boolean swapped = orientation >= 5;
        assertEquals(swapped ? 32 : 48, img.width());
        assertEquals(swapped ? 48 : 32, img.height());
        assertCorners(img, corners[orientation]);
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6, 8})
    void autorotateFalseLeavesTheStoredLayout(int orientation) throws IOException {
      try (Image img = load(jpeg(orientation), false)) {
        assertEquals(48, img.width());
        assertEquals(32, img.height());
        assertCorners(img, corners[1]);
      }
    }

    @Test
    void plainLoadAppliesOrientationByDefault() throws IOException {
      try (Image img = Images.load(jpeg(6))) {
        assertEquals(32, img.width());
        assertEquals(48, img.height());
        assertCorners(img, corners[6]);
      }
    }

    @Test
    void pngExifChunkIsApplied() throws IOException {
      // 3 × 2 stored: a b c / d e f; orientation 6 (90° clockwise) displays d a / e b / f c.
      byte[] rgba = new byte[3 * 2 * 4];
      for (int p = 0; p < 6; p++) {
        rgba[p * 4] = (byte) (10 * (p + 1));
        rgba[p * 4 + 3] = (byte) 255;
      }
      Path plain = dir.resolve("plain.png");
      try (Image img = cpuImage(3, 2, rgba)) {
        Images.save(img, plain);
      }
      byte[] png = Files.readAllBytes(plain);
      byte[] exif = exifTiff(6, true);
      ByteBuffer chunk = ByteBuffer.allocate(12 + exif.length);
      chunk.putInt(exif.length).put(new byte[] {'e', 'X', 'I', 'f'}).put(exif);
      CRC32 crc = new CRC32();
      crc.update(chunk.array(), 4, 4 + exif.length);
      chunk.putInt((int) crc.getValue());
      int afterIhdr = 8 + 12 + 13;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(png, 0, afterIhdr);
      out.write(chunk.array(), 0, chunk.capacity());
      out.write(png, afterIhdr, png.length - afterIhdr);
      Path rotated = dir.resolve("rotated.png");
      Files.write(rotated, out.toByteArray());
      try (Image img = load(rotated, true)) {
        assertEquals(2, img.width());
        assertEquals(3, img.height());
        int[] p = u8(img);
        int[] reds = {p[0], p[4], p[8], p[12], p[16], p[20]};
        assertArrayEquals(new int[] {40, 10, 50, 20, 60, 30}, reds);
      }
      try (Image img = load(rotated, false)) {
        assertEquals(3, img.width());
      }
    }

    @Test
    void tiffOrientationTagIsApplied() throws IOException {
      // An 8-bit grey 3 × 2 TIFF (10 20 30 / 40 50 60), orientation 8 (270° clockwise): 30 60 / 20 50 / 10 40.
      ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 10 * 12 + 4 + 6).order(ByteOrder.LITTLE_ENDIAN);
      int dataOffset = tiff.capacity() - 6;
      tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 10);
      int[][] entries = {{256, 3}, {257, 2}, {258, 8}, {259, 1}, {262, 1}, {273, dataOffset}, {274, 8}, {277, 1},
          {278, 2}, {279, 6}};
      for (int[] e : entries) {
        boolean isLong = e[0] == 273 || e[0] == 279;
        tiff.putShort((short) e[0]).putShort((short) (isLong ? 4 : 3)).putInt(1);
        if (isLong) {
          tiff.putInt(e[1]);
        } else {
          tiff.putShort((short) e[1]).putShort((short) 0);
        }
      }
      tiff.putInt(0).put(new byte[] {10, 20, 30, 40, 50, 60});
      Path file = dir.resolve("oriented.tif");
      Files.write(file, tiff.array());
      try (Image img = load(file, true)) {
        assertEquals(2, img.width());
        assertEquals(3, img.height());
        int[] p = u8(img);
        int[] grey = {p[0], p[4], p[8], p[12], p[16], p[20]};
        assertArrayEquals(new int[] {30, 60, 20, 50, 10, 40}, grey);
        assertEquals(p[0], p[1]);
        assertEquals(255, p[3]);
      }
    }

    private void assertCorners(Image img, int[][] expected) {
      int w = img.width() - 1;
      int h = img.height() - 1;
      int[][] at = {pixel(img, 0, 0), pixel(img, w, 0), pixel(img, 0, h), pixel(img, w, h)};
      String[] names = {"top-left", "top-right", "bottom-left", "bottom-right"};
      for (int i = 0; i < 4; i++) {
        assertNear(new int[] {expected[i][0], expected[i][1], expected[i][2], 255}, at[i], 40, names[i]);
      }
    }
  }

  // ---------------------------------------------------------------- bridges

  @Nested
  class Bridges {
    @Test
    void toBufferedImageKeepsStraightValues() {
      byte[] rgba = pattern(3, 2);
      try (ImageU8 u8 = new ImageU8(3, 2, CPU); Image f = cpuImage(3, 2, rgba)) {
        Images.upload(u8, rgba);
        for (BufferedImage b : List.of(Images.toBufferedImage(u8), Images.toBufferedImage(f))) {
          assertEquals(BufferedImage.TYPE_4BYTE_ABGR, b.getType());
          assertFalse(b.isAlphaPremultiplied());
          assertArrayEquals(unsigned(rgba), b.getRaster().getPixels(0, 0, 3, 2, (int[]) null));
          int i = 4; // pixel (1, 0)
          int argb = (rgba[i + 3] & 0xFF) << 24 | (rgba[i] & 0xFF) << 16 | (rgba[i + 1] & 0xFF) << 8 | (rgba[i + 2] & 0xFF);
          assertEquals(argb, b.getRGB(1, 0));
        }
      }
    }

    @Test
    void fromBufferedImageOfCommonTypes() {
      BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
      argb.setRGB(0, 0, 0x80_10_20_30);
      argb.setRGB(1, 0, 0x00_FF_FF_FF);
      try (Image img = fromBufferedImage(argb)) {
        assertArrayEquals(new int[] {0x10, 0x20, 0x30, 0x80, 255, 255, 255, 0}, u8(img));
      }
      BufferedImage bgr = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
      bgr.getRaster().setPixel(0, 0, new int[] {1, 2, 3});
      try (Image img = Images.fromBufferedImage(bgr)) {
        assertArrayEquals(new int[] {1, 2, 3, 255}, u8(img));
      }
    }

    @Test
    void fromBufferedImageOfASubImage() {
      for (int type : new int[] {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB}) {
        BufferedImage whole = new BufferedImage(4, 3, type);
        for (int y = 0; y < 3; y++) {
          for (int x = 0; x < 4; x++) {
            whole.setRGB(x, y, 200 << 24 | x * 10 << 16 | y * 10 << 8 | x + y);
          }
        }
        int a = whole.getColorModel().hasAlpha() ? 200 : 255;
        try (Image img = fromBufferedImage(whole.getSubimage(1, 1, 2, 2))) {
          assertArrayEquals(new int[] {10, 10, 2, a, 20, 10, 3, a, 10, 20, 3, a, 20, 20, 4, a}, u8(img), "type " + type);
        }
      }
    }

    @Test
    void packedLowBitSamplesAreScaled() {
      BufferedImage rgb565 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_565_RGB);
      rgb565.getRaster().setPixels(0, 0, 2, 1, new int[] {31, 63, 16, 0, 32, 1});
      try (Image img = fromBufferedImage(rgb565)) {
        // 16·255/31 = 131.6, 32·255/63 = 129.5..., 1·255/31 = 8.2
        assertArrayEquals(new int[] {255, 255, 132, 255, 0, 130, 8, 255}, u8(img));
      }
    }

    @Test
    void fromBufferedImageUnpremultiplies() {
      BufferedImage pre = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB_PRE);
      pre.getRaster().setPixels(0, 0, 2, 1, new int[] {64, 32, 128, 128, 10, 10, 10, 0});
      try (Image img = fromBufferedImage(pre)) {
        assertArrayEquals(new int[] {128, 64, 255, 128, 0, 0, 0, 0}, u8(img));
      }
    }

    @Test
    void floatSamplesAreScaledFromUnitRange() {
      ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
          Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
      BufferedImage f = image(cm, 2, 1);
      f.getRaster().setPixels(0, 0, 2, 1, new float[] {1f, 0.5f, 0.25f, -0.1f, 1.5f, Float.NaN});
      try (Image img = fromBufferedImage(f)) {
        assertArrayEquals(new int[] {255, 128, 64, 255, 0, 255, 0, 255}, u8(img));
      }
    }

    @Test
    void fromBufferedImageIntoBuffers() {
      BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
      grey.getRaster().setPixels(0, 0, 2, 2, new int[] {0, 50, 100, 150});
      try (Image f32 = new Image(3, 3, CPU); ImageU8 u8 = new ImageU8(3, 3, CPU)) {
        Images.fromBufferedImageInto(f32, grey, u8);
        assertEquals(2, u8.width());
        assertArrayEquals(new int[] {100, 100, 100, 255}, pixel(f32, 0, 1));
      }
      try (Image f32 = new Image(3, 3, CPU); ImageU8 tiny = new ImageU8(1, 1, CPU)) {
        assertMessage(CapacityExceededException.class, "exceed buffer capacity",
            () -> Images.fromBufferedImageInto(f32, grey, tiny));
      }
    }

    @Test
    void fromFloatArrayExpandsChannels() {
      float[] grey = {0.1f, 2f};
      float[] rgb = {0.1f, 0.2f, 0.3f, -1f, 0f, 1f};
      float[] rgba = {0.1f, 0.2f, 0.3f, 0.4f, 5f, 6f, 7f, 8f};
      try (Image g = new Image(2, 1, CPU); Image c = new Image(4, 4, CPU);
          Image a = Images.fromArray(rgba, 2, 1, 4)) {
        Images.fromArrayInto(g, grey, 2, 1, 1);
        Images.fromArrayInto(c, rgb, 1, 2, 3);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 1f, 2f, 2f, 2f, 1f}, Images.download(g));
        assertEquals(1, c.width());
        assertEquals(2, c.height());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 1f, -1f, 0f, 1f, 1f}, Images.download(c));
        assertArrayEquals(rgba, Images.toArray(a));
      }
    }

    @Test
    void fromByteArrayConvertsOnTheDevice() {
      byte[] grey = {0, (byte) 255, 51};
      byte[] rgb = {1, 2, 3};
      try (Image g = new Image(1, 3, CPU);
          Image c = Images.fromArray(rgb, 1, 1, 3);
          ImageU8 u8 = new ImageU8(2, 2, CPU);
          Image viaU8 = new Image(2, 1, CPU)) {
        Images.fromArrayInto(g, grey, 1, 3, 1);
        Images.fromArrayInto(viaU8, pattern(2, 1), 2, 1, 4, u8);
        assertEquals(3, g.height());
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 1, 1, 0.2f, 0.2f, 0.2f, 1}, Images.download(g));
        assertArrayEquals(new float[] {1 / 255f, 2 / 255f, 3 / 255f, 1}, Images.download(c));
        assertArrayEquals(unsigned(pattern(2, 1)), u8(viaU8));
        assertEquals(CPU, viaU8.backend());
        assertArrayEquals(pattern(2, 1), Images.download(u8), "the u8 scratch holds the uploaded bytes");
      }
    }

    @Test
    void fromArrayRejectsBadShapes() {
      assertMessage(IllegalArgumentException.class, "Expected 12 floats, got 11",
          () -> Images.fromArray(new float[11], 2, 2, 3));
      assertMessage(IllegalArgumentException.class, "Expected 8 bytes, got 16",
          () -> Images.fromArray(new byte[16], 4, 2, 1));
      assertMessage(IllegalArgumentException.class, "channels must be one of [1, 3, 4], got 2",
          () -> Images.fromArray(new float[8], 2, 2, 2));
      assertMessage(IllegalArgumentException.class, "must be positive",
          () -> Images.fromArray(new byte[0], 4, 0, 4));
      assertThrows(NullPointerException.class, () -> Images.fromArray((float[]) null, 1, 1, 4));
      try (Image small = new Image(2, 2, CPU)) {
        assertMessage(CapacityExceededException.class, "exceed buffer capacity",
            () -> Images.fromArrayInto(small, new float[5 * 4], 5, 1, 4));
      }
    }
  }

  // ---------------------------------------------------------------- error paths

  @Nested
  class Errors {
    @Test
    void missingFile() {
      Path missing = dir.resolve("missing.png");
      NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> load(missing, false));
      assertTrue(e.getMessage().contains("missing.png"), e.getMessage());
    }

    @Test
    void directoryInsteadOfFile() {
      assertMessage(IOException.class, "directory", () -> load(dir, false));
    }

    @Test
    void notAnImage() throws IOException {
      Path text = Files.writeString(dir.resolve("notes.png"), "this is not an image");
      IOException e = assertThrows(IOException.class, () -> load(text, false));
      assertTrue(e.getMessage().contains("notes.png") && e.getMessage().contains("not a PNG"), e.getMessage());
    }

    @Test
    void truncatedPng() throws IOException {
      Path whole = dir.resolve("whole.png");
      byte[] noise = new byte[32 * 32 * 4];
      new java.util.Random(1).nextBytes(noise);
      try (Image img = cpuImage(32, 32, noise)) {
        Images.save(img, whole);
      }
      byte[] png = Files.readAllBytes(whole);
      Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
      IOException e = assertThrows(IOException.class, () -> load(cut, false));
      assertTrue(e.getMessage().startsWith("Cannot load " + cut) && e.getMessage().contains("truncated"),
          e.getMessage());
    }

    @Test
    void unsupportedExtensions() throws IOException {
      try (Image img = new Image(1, 1, CPU)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Images.save(img, dir.resolve("out.xyz")));
        assertTrue(e.getMessage().contains(".xyz")
            && e.getMessage().contains(".png, .jpg, .jpeg, .bmp, .tif, .tiff, .webp"), e.getMessage());
        assertMessage(IllegalArgumentException.class, "no file extension", () -> Images.save(img, dir.resolve("out")));
      }
      assertEquals(List.of(), listDir());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 101})
    void qualityOutOfRange(int quality) throws IOException {
      try (Image img = new Image(1, 1, CPU); ImageU8 u8 = new ImageU8(1, 1, CPU)) {
        assertMessage(IllegalArgumentException.class,
            "Images.save: quality must be in 1..100 (or Images.Save.ENCODER_DEFAULT_QUALITY), got " + quality,
            () -> Images.save(img, dir.resolve("q.jpg"), quality));
        assertMessage(IllegalArgumentException.class, "quality must be in 1..100",
            () -> Images.saveU8(u8, dir.resolve("q.png"), quality));
      }
      assertEquals(List.of(), listDir());
    }

    @Test
    void freedImages() throws IOException {
      Image img = new Image(1, 1, CPU);
      img.free();
      ImageU8 u8 = new ImageU8(1, 1, CPU);
      u8.free();
      assertMessage(IllegalStateException.class, "freed", () -> Images.save(img, dir.resolve("a.png")));
      assertMessage(IllegalStateException.class, "freed", () -> Images.saveU8(u8, dir.resolve("a.png")));
      assertMessage(IllegalStateException.class, "freed", () -> Images.toBufferedImage(img));
      assertMessage(IllegalStateException.class, "freed", () -> Images.toBufferedImage(u8));
      assertMessage(IllegalStateException.class, "freed", () -> Images.toArray(img));
      Path file = dir.resolve("ok.png");
      try (Image live = new Image(1, 1, CPU)) {
        Images.save(live, file);
        assertMessage(IllegalStateException.class, "freed",
            () -> Images.save(live, dir.resolve("b.png"), Images.Save.DEFAULTS.withU8Buffer(u8)));
      }
      assertMessage(IllegalStateException.class, "freed", () -> Images.loadInto(img, file));
      assertMessage(IllegalStateException.class, "freed",
          () -> Images.load(file, Images.Load.DEFAULTS.withU8Buffer(u8)));
      assertMessage(IllegalStateException.class, "freed", () -> Images.fromArrayInto(img, new float[4], 1, 1, 4));
    }

    @Test
    void buffersTooSmall() throws IOException {
      Path file = dir.resolve("big.png");
      try (Image img = new Image(4, 4, CPU)) {
        Images.save(img, file);
        try (Image f32 = new Image(3, 3, CPU); ImageU8 u8 = new ImageU8(3, 3, CPU);
            Image okF32 = new Image(4, 4, CPU)) {
          assertMessage(CapacityExceededException.class, "exceed buffer capacity",
              () -> Images.loadInto(f32, file));
          assertMessage(CapacityExceededException.class, "exceed buffer capacity",
              () -> Images.loadInto(okF32, file, Images.Load.DEFAULTS.withU8Buffer(u8)));
          assertMessage(CapacityExceededException.class, "exceed buffer capacity",
              () -> Images.save(img, dir.resolve("small.png"), Images.Save.DEFAULTS.withU8Buffer(u8)));
        }
      }
      assertFalse(Files.exists(dir.resolve("small.png")));
    }

    @Test
    void imagesWiderThanTheSideLimit() throws IOException {
      BufferedImage wide = new BufferedImage(40000, 1, BufferedImage.TYPE_BYTE_GRAY);
      assertMessage(IllegalArgumentException.class, "too large", () -> Images.fromBufferedImage(wide));
      Path file = write(wide, "png", dir.resolve("wide.png"));
      IOException e = assertThrows(IOException.class, () -> load(file, false));
      assertTrue(e.getMessage().contains("wide.png") && e.getMessage().contains("40000x1 is too large"), e.getMessage());
    }

    @Test
    void saveIntoMissingDirectory() {
      try (Image img = new Image(1, 1, CPU)) {
        assertThrows(NoSuchFileException.class, () -> Images.save(img, dir.resolve("no/such/dir/out.png")));
      }
    }

    @Test
    void failedSaveLeavesNoPartialFile() throws IOException {
      Path target = Files.createDirectory(dir.resolve("taken.png"));
      Files.writeString(target.resolve("inside"), "x");
      try (Image img = new Image(2, 2, CPU)) {
        IOException e = assertThrows(IOException.class, () -> Images.save(img, target));
        assertTrue(e.getMessage().contains("taken.png"), e.getMessage());
      }
      assertEquals(List.of(target), listDir(), "no temporary file may remain");
    }
  }

  // ---------------------------------------------------------------- shared helpers

  private List<Path> listDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
    byte[] out = new byte[jpeg.length + segment.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(segment, 0, out, 2, segment.length);
    System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
    return out;
  }

  /** A minimal TIFF structure whose IFD0 holds only the orientation tag. */
  private static byte[] exifTiff(int orientation, boolean littleEndian) {
    ByteBuffer b = ByteBuffer.allocate(26).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    b.put(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'}).putShort((short) 42).putInt(8);
    b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
    b.putShort((short) orientation).putShort((short) 0).putInt(0);
    return b.array();
  }

  private static void assertNear(int[] expected, int[] actual, int tolerance) {
    assertNear(expected, actual, tolerance, "");
  }

  private static void assertNear(int[] expected, int[] actual, int tolerance, String what) {
    for (int i = 0; i < expected.length; i++) {
      if (Math.abs(expected[i] - actual[i]) > tolerance) {
        throw new AssertionError(what + " expected " + Arrays.toString(expected) + " ± " + tolerance + " but was "
            + Arrays.toString(actual));
      }
    }
  }

  private static <T extends Throwable> void assertMessage(Class<T> type, String fragment,
      org.junit.jupiter.api.function.Executable call) {
    T e = assertThrows(type, call);
    assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
        "message should contain \"" + fragment + "\": " + e.getMessage());
  }
}
