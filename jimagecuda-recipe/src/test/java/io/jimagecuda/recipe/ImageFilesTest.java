package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  private final ImageFiles files = ImageFiles.standard();

  @TempDir
  Path dir;

  private float[] load(BufferedImage img) throws IOException {
    Path file = dir.resolve("in.png");
    TestImages.write(img, file);
    try (Image loaded = files.load(file, BackendKind.CPU)) {
      assertEquals(img.getWidth(), loaded.width());
      assertEquals(img.getHeight(), loaded.height());
      return Images.download(loaded);
    }
  }

  @Test
  void rgbGetsAlpha255() throws IOException {
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
    img.getRaster().setPixel(0, 0, new int[] {200, 100, 0});
    assertArrayEquals(new float[] {200 / 255f, 100 / 255f, 0, 1}, load(img));
  }

  @Test
  void greyBecomesRgbWithItsStoredValue() throws IOException {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setPixels(0, 0, 2, 1, new int[] {100, 3});
    assertArrayEquals(new float[] {100 / 255f, 100 / 255f, 100 / 255f, 1, 3 / 255f, 3 / 255f, 3 / 255f, 1},
        load(img));
  }

  @Test
  void paletteEntriesKeepTheirAlpha() throws IOException {
    IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {10, (byte) 250}, new byte[] {20, 0},
        new byte[] {30, 5}, new byte[] {(byte) 255, 0});
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
    img.getRaster().setPixels(0, 0, 2, 1, new int[] {0, 1});
    assertArrayEquals(new float[] {10 / 255f, 20 / 255f, 30 / 255f, 1, 250 / 255f, 0, 5 / 255f, 0}, load(img));
  }

  @Test
  void savesAnRgba8PngWithRoundingHalfUpAndTheColourOfTransparentPixels() throws IOException {
    Path file = dir.resolve("out.png");
    try (Image img = new Image(2, 1, BackendKind.CPU)) {
      Images.upload(img, new float[] {0.5f, -0.2f, 1.7f, 1, 0.2f, 0.4f, 0.6f, 0});
      files.save(img, file);
    }
    assertArrayEquals(new byte[] {(byte) 128, 0, (byte) 255, (byte) 255, 51, 102, (byte) 153, 0},
        TestImages.readRgba(file));
    byte[] png = Files.readAllBytes(file);
    assertEquals(8, png[24], "bit depth");
    assertEquals(6, png[25], "colour type RGBA");
  }

  @Test
  void aSavedImageLoadsBackUnchanged() throws IOException {
    Path file = dir.resolve("round.png");
    float[] values = new float[3 * 2 * 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 37 % 256) / 255f;
    }
    try (Image img = new Image(3, 2, BackendKind.CPU)) {
      Images.upload(img, values);
      files.save(img, file);
    }
    try (Image back = files.load(file, BackendKind.CPU)) {
      assertArrayEquals(values, Images.download(back));
    }
  }

  @Test
  void savingRejectsFormatsTheCoreCannotWrite() throws IOException {
    try (Image img = new Image(1, 1, BackendKind.CPU)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> files.save(img, dir.resolve("out.gif")));
      assertTrue(e.getMessage().contains("out.gif has the unsupported extension .gif; supported: .png"),
          e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("out.gif")));
  }

  @Test
  void loadingReportsMissingAndUndecodableFiles() throws IOException {
    assertThrows(NoSuchFileException.class, () -> files.load(dir.resolve("none.png"), BackendKind.CPU));
    Path text = Files.writeString(dir.resolve("text.png"), "not an image");
    IOException e = assertThrows(IOException.class, () -> files.load(text, BackendKind.CPU));
    assertEquals("Cannot load " + text + ": not a PNG, JPEG, BMP, TIFF, WebP or GIF image", e.getMessage());
  }

  /** The kit's rule (and the reference's default): the EXIF orientation is not applied. */
  @Test
  void theExifOrientationIsNotApplied() throws IOException {
    byte[] rgba = new byte[3 * 2 * 4];
    for (int p = 0; p < 6; p++) {
      rgba[p * 4] = (byte) (10 * (p + 1));
      rgba[p * 4 + 3] = (byte) 255;
    }
    Path file = dir.resolve("rotated.png");
    TestImages.writePng(file, 3, 2, rgba);
    TestImages.addExifOrientation(file, 6); // 90° clockwise: would display 2 × 3
    try (Image img = files.load(file, BackendKind.CPU)) {
      assertEquals(3, img.width());
      assertEquals(2, img.height());
      assertArrayEquals(rgba, HostPixels.rgba8(img), "the stored layout, unrotated");
    }
    try (Image rotated = Images.load(file, Images.Load.DEFAULTS.withAutorotate(true))) {
      assertEquals(2, rotated.width(), "the orientation is there: Images.load with autorotate turns the image");
    }
  }

  /** Larger than the 1 × 1 placeholder, odd sizes: the destination is sized from the file's header. */
  @Test
  void loadsAnOddSizedFileExactly() throws IOException {
    int w = 37;
    int h = 23;
    byte[] rgba = new byte[w * h * 4];
    for (int i = 0; i < rgba.length; i++) {
      rgba[i] = (byte) (i * 29 + i / 7);
    }
    Path file = dir.resolve("odd.png");
    TestImages.writePng(file, w, h, rgba);
    try (Image img = files.load(file, BackendKind.CPU)) {
      assertEquals(w, img.width());
      assertEquals(h, img.height());
      assertEquals((long) w * h, img.capacity());
      assertArrayEquals(rgba, HostPixels.rgba8(img));
    }
  }

  /**
   * The reference decoded the kit's JPEGs with libjpeg-turbo; the kit's README says OpenJDK's decoder gives
   * the same RGB. {@code adjust_opacity_half} only halves alpha, so its RGB is the decoded photo.
   */
  @Test
  void jpegDecodingMatchesTheReference() throws IOException {
    Path kit = KitLocation.find();
    Assumptions.assumeTrue(kit != null, KitLocation.MISSING);
    try (Image photo = files.load(kit.resolve("inputs/photo.jpg"), BackendKind.CPU);
        Image expected = files.load(kit.resolve("expected/adjust_opacity_half.png"), BackendKind.CPU)) {
      byte[] a = HostPixels.rgba8(photo);
      byte[] e = HostPixels.rgba8(expected);
      assertEquals(e.length, a.length);
      int mismatches = 0;
      for (int i = 0; i < a.length; i++) {
        if (i % 4 != 3 && a[i] != e[i]) {
          mismatches++;
        }
      }
      assertEquals(0, mismatches, "RGB samples that differ from the reference decoder");
    }
  }
}
