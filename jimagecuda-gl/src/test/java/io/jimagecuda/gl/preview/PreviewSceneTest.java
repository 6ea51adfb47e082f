package io.jimagecuda.gl.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import io.jimagecuda.gl.preview.PreviewScene.Band;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scene's bands on the CPU backend: what each one holds, that they animate, and the frame's size. */
class PreviewSceneTest {
  static final int W = 160;
  static final int H = 100;

  /** The scene at time {@code t} as 8-bit RGBA, rendered into a frame with capacity for {@code spareRows} more rows. */
  private static byte[] render(int spareRows, double t) {
    try (Image frame = new Image(W, H + spareRows, BackendKind.CPU); ImageU8 u8 = new ImageU8(W, H, BackendKind.CPU)) {
      frame.setLogicalSize(W, H);
      new PreviewScene().render(frame, t);
      assertEquals(W, frame.width(), "the logical size is restored");
      assertEquals(H, frame.height());
      Images.convertFloatToU8(u8, frame);
      return Images.download(u8);
    }
  }

  private static int[] pixel(byte[] rgba, int x, int y) {
    int i = (y * W + x) * 4;
    return new int[] {rgba[i] & 0xFF, rgba[i + 1] & 0xFF, rgba[i + 2] & 0xFF, rgba[i + 3] & 0xFF};
  }

  private static int[] u8(Rgba c) {
    return new int[] {Math.round(c.r() * 255), Math.round(c.g() * 255), Math.round(c.b() * 255),
        Math.round(c.a() * 255)};
  }

  /** The rows of one band. */
  private static byte[] rows(byte[] rgba, Band band) {
    return Arrays.copyOfRange(rgba, band.topRow(H) * W * 4, band.bottomRow(H) * W * 4);
  }

  @Test
  void bandsTileTheFrame() {
    assertEquals(0, Band.SUN.topRow(H));
    assertEquals(45, Band.SUN.bottomRow(H));
    assertEquals(45, Band.STRIPES.topRow(H));
    assertEquals(92, Band.CHECKS.topRow(H));
    assertEquals(H, Band.CHECKS.bottomRow(H));
    assertEquals(0, Band.NOISE.bottomRow(1), "a one-row frame holds only the checkerboard");
  }

  @Test
  void sunIsAnOpaqueDiscCentredInItsBandOnATranslucentSky() {
    byte[] img = render(0, 1.0);
    int band = Band.SUN.bottomRow(H);
    assertArrayEquals(new int[] {255, 230, 51, 255}, pixel(img, W / 2, band / 2), "disc centre");
    assertArrayEquals(u8(PreviewScene.DISC), pixel(img, W / 2 + band / 4, band / 2), "inside the disc");
    assertArrayEquals(u8(PreviewScene.SKY), pixel(img, 0, 0), "sky, top left");
    assertArrayEquals(u8(PreviewScene.SKY), pixel(img, W - 1, band - 1), "sky, bottom right of the band");
  }

  @Test
  void eachBandHoldsItsOwnFill() {
    byte[] img = render(0, 1.0);
    // Stripes: opaque orange stripes with fully transparent gaps.
    byte[] stripes = rows(img, Band.STRIPES);
    assertTrue(count(stripes, u8(PreviewScene.STRIPE)) > W, "opaque stripe pixels");
    assertTrue(count(stripes, new int[] {0, 0, 0, 0}) > W, "transparent gap pixels");
    // Gradient: horizontal, every row alike, opaque red on the left, transparent on the right.
    int gy = Band.GRADIENT.topRow(H);
    assertArrayEquals(new int[] {255, 64, 26, 255}, pixel(img, 0, gy));
    assertArrayEquals(new int[] {26, 64, 255, 0}, pixel(img, W - 1, gy));
    assertArrayEquals(pixel(img, W / 3, gy), pixel(img, W / 3, Band.GRADIENT.bottomRow(H) - 1));
    // Clouds and noise are opaque and vary; clouds never reach either end colour.
    for (Band b : new Band[] {Band.CLOUDS, Band.NOISE}) {
      byte[] r = rows(img, b);
      assertEquals(r.length / 4, count(r, 255), b + " is opaque");
      assertTrue(distinctPixels(r) > W, b + " varies");
    }
    // Checks: 12-px squares of opaque green and translucent white, scrolling left at 20 px/s: at t = 1 the
    // pattern has moved 20 px, so squares start at x = 4 and x = 16.
    int cy = Band.CHECKS.topRow(H);
    int[] green = u8(new Rgba(0.2f, 0.75f, 0.3f, 1f));
    int[] white = u8(new Rgba(1f, 1f, 1f, 0.5f));
    int row = Math.floorDiv(cy, 12);
    assertArrayEquals((row & 1) == 0 ? green : white, pixel(img, 4, cy));
    assertArrayEquals((row & 1) == 0 ? white : green, pixel(img, 16, cy));
  }

  @Test
  void stripesCloudsNoiseChecksAndTheSunMoveWithTime() {
    byte[] a = render(0, 1.0);
    byte[] b = render(0, 1.5);
    for (Band band : Band.values()) {
      boolean moved = !Arrays.equals(rows(a, band), rows(b, band));
      assertEquals(band != Band.GRADIENT, moved, band + (moved ? " changed" : " did not change"));
    }
    assertArrayEquals(a, render(0, 1.0), "the same time gives the same picture");
  }

  @Test
  void aFrameWithSpareCapacityGivesTheSamePicture() {
    assertArrayEquals(render(0, 2.0), render(2 * H, 2.0));
  }

  /**
   * Filling bottom first into ever fewer rows leaves each band exactly as its fill writes an image as tall
   * as the band's bottom edge.
   */
  @Test
  void eachBandIsItsFillAtTheSameRows() {
    byte[] img = render(0, 0.7);
    for (Band band : Band.values()) {
      int rows = band.bottomRow(H);
      try (Image alone = new Image(W, rows, BackendKind.CPU); ImageU8 u8 = new ImageU8(W, rows, BackendKind.CPU)) {
        PreviewScene.fill(band, alone, 0.7);
        Images.convertFloatToU8(u8, alone);
        byte[] expected = Arrays.copyOfRange(Images.download(u8), band.topRow(H) * W * 4, rows * W * 4);
        assertArrayEquals(expected, rows(img, band), band.toString());
      }
    }
  }

  @Test
  void tinyFramesKeepTheirSize() {
    for (int h : new int[] {1, 2, 3, 7}) {
      try (Image frame = new Image(5, h, BackendKind.CPU)) {
        new PreviewScene().render(frame, 0.5);
        assertEquals(5, frame.width());
        assertEquals(h, frame.height());
      }
    }
  }

  private static int count(byte[] rgba, int[] value) {
    int n = 0;
    for (int i = 0; i < rgba.length; i += 4) {
      if ((rgba[i] & 0xFF) == value[0] && (rgba[i + 1] & 0xFF) == value[1] && (rgba[i + 2] & 0xFF) == value[2]
          && (rgba[i + 3] & 0xFF) == value[3]) {
        n++;
      }
    }
    return n;
  }

  /** Pixels whose alpha is {@code alpha}. */
  private static int count(byte[] rgba, int alpha) {
    int n = 0;
    for (int i = 3; i < rgba.length; i += 4) {
      n += (rgba[i] & 0xFF) == alpha ? 1 : 0;
    }
    return n;
  }

  private static long distinctPixels(byte[] rgba) {
    return IntStream.range(0, rgba.length / 4)
        .map(p -> (rgba[p * 4] & 0xFF) << 16 | (rgba[p * 4 + 1] & 0xFF) << 8 | rgba[p * 4 + 2] & 0xFF).distinct()
        .count();
  }

}
