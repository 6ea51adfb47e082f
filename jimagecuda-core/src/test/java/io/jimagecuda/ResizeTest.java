package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.internal.cpu.Px;
import io.jimagecuda.internal.cuda.KernelLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Resize} on the CPU backend: pixels worked out by hand from spec §2.3 and §3.7, and every error. */
class ResizeTest {
  /** The three-argument producers, in the order nearest, bilinear, bicubic, lanczos. */
  private interface Sized {
    Image run(Image src, int width, int height);
  }

  private static final List<Sized> ALL = List.of(Resize::nearest, Resize::bilinear, Resize::bicubic,
      Resize::lanczos);

  /** A new CPU image holding {@code px} (RGBA floats, rows packed). */
  private static Image image(int w, int h, float[] px) {
    Image img = new Image(w, h, BackendKind.CPU);
    Images.upload(img, px);
    return img;
  }

  private static float[] random(int w, int h, long seed, float lo, float hi) {
    Random r = new Random(seed);
    float[] px = new float[w * h * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = lo + (hi - lo) * r.nextFloat();
    }
    return px;
  }

  /** Runs {@code op} on a CPU image of {@code px} and returns the result's pixels, checking its size. */
  private static float[] run(int w, int h, float[] px, int ow, int oh, Sized op, int outW, int outH) {
    try (Image src = image(w, h, px); Image out = op.run(src, ow, oh)) {
      assertEquals(outW, out.width(), "width");
      assertEquals(outH, out.height(), "height");
      return Images.download(out);
    }
  }

  private static float[] run(int w, int h, float[] px, int ow, int oh, Sized op) {
    return run(w, h, px, ow, oh, op, ow, oh);
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return new float[] {px[i], px[i + 1], px[i + 2], px[i + 3]};
  }

  /** A 1-row image whose red channel is {@code reds}, green 0.5, blue 0.25, alpha 1. */
  private static float[] row(float... reds) {
    float[] px = new float[reds.length * 4];
    for (int i = 0; i < reds.length; i++) {
      px[i * 4] = reds[i];
      px[i * 4 + 1] = 0.5f;
      px[i * 4 + 2] = 0.25f;
      px[i * 4 + 3] = 1f;
    }
    return px;
  }

  private static <T extends Throwable> T assertMessage(Class<T> type, String fragment, Executable call) {
    T e = assertThrows(type, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
    return e;
  }

  @Nested
  class Nearest {
    @Test
    void upscaleByTwoDuplicatesEveryPixel() {
      float[] src = random(3, 2, 1, -0.5f, 1.5f);
      float[] out = run(3, 2, src, 6, 4, Resize::nearest);
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 6; x++) {
          assertArrayEquals(pixel(src, 3, x / 2, y / 2), pixel(out, 6, x, y), "pixel (" + x + ", " + y + ")");
        }
      }
    }

    @Test
    void downscaleByTwoPicksTheSecondPixelOfEachPair() {
      // sx = (x + 0.5)·2 − 0.5 = 0.5, 2.5; floor(sx + 0.5) = 1, 3.
      float[] src = random(4, 4, 2, 0, 1);
      float[] out = run(4, 4, src, 2, 2, Resize::nearest);
      assertArrayEquals(pixel(src, 4, 1, 1), pixel(out, 2, 0, 0));
      assertArrayEquals(pixel(src, 4, 3, 1), pixel(out, 2, 1, 0));
      assertArrayEquals(pixel(src, 4, 3, 3), pixel(out, 2, 1, 1));
    }
  }

  @Nested
  class Bilinear {
    // Red channel of the 2 × 2 source: p00 = 0, p10 = 1, p01 = 0.5, p11 = 0.25.
    private final float[] src = {0, 0.5f, 0.25f, 1, 1, 0.5f, 0.25f, 1, 0.5f, 0.5f, 0.25f, 1, 0.25f, 0.5f, 0.25f, 1};

    @Test
    void twoByTwoUpscaledToFourByFourByHand() {
      // Scale 0.5: sx = −0.25, 0.25, 0.75, 1.25, clamped to [0, 1]: fractions 0, 0.25, 0.75, 1.
      float[] out = run(2, 2, src, 4, 4, Resize::bilinear);
      // (1, 2): fx 0.25, fy 0.75: top = 0.25, bottom = 0.5 + (0.25 − 0.5)·0.25 = 0.4375,
      // out = 0.25 + (0.4375 − 0.25)·0.75 = 0.390625.
      assertArrayEquals(new float[] {0.390625f, 0.5f, 0.25f, 1}, pixel(out, 4, 1, 2));
      assertArrayEquals(new float[] {0f, 0.5f, 0.25f, 1}, pixel(out, 4, 0, 0), "edge replicated");
      assertArrayEquals(new float[] {0.25f, 0.5f, 0.25f, 1}, pixel(out, 4, 3, 3), "edge replicated");
      // (2, 1): fx 0.75, fy 0.25: top = 0.75, bottom = 0.5 − 0.25·0.75 = 0.3125, out = 0.75 − 0.4375·0.25.
      assertArrayEquals(new float[] {0.640625f, 0.5f, 0.25f, 1}, pixel(out, 4, 2, 1));
    }

    @Test
    void twoByTwoDownscaledToOnePixelIsTheMean() {
      // sx = sy = 0.5: top 0.5, bottom 0.375, out 0.4375.
      float[] out = run(2, 2, src, 1, 1, Resize::bilinear);
      assertArrayEquals(new float[] {0.4375f, 0.5f, 0.25f, 1}, pixel(out, 1, 0, 0));
    }
  }

  @Nested
  class Bicubic {
    // Red channel 0, 0, 1, 1 doubled to 8 columns (scale 0.5); one row, so the row weight is k(0) = 1.
    private final float[] out = run(4, 1, row(0, 0, 1, 1), 8, 1, Resize::bicubic);

    @Test
    void interiorPixelByHand() {
      // x = 3: s = 1.25, taps 0..3 with k(1.25) = −0.0703125, k(0.25) = 0.8671875, k(0.75) = 0.2265625,
      // k(1.75) = −0.0234375 (sum 1): 0.2265625 − 0.0234375 = 0.203125.
      assertArrayEquals(new float[] {0.203125f, 0.5f, 0.25f, 1}, pixel(out, 8, 3, 0), 1e-7f);
    }

    @Test
    void overshootsAtTheEdgeAndIsNotClamped() {
      // x = 5: s = 2.25, taps 1..4; tap 4 is outside and omitted: (0.8671875 + 0.2265625) / (1.0234375).
      float expected = 1.09375f * (1f / 1.0234375f);
      assertEquals(expected, pixel(out, 8, 5, 0)[0], 1e-7f);
      assertTrue(expected > 1.06f);
      // Renormalised: constant channels stay constant.
      assertEquals(0.5f, pixel(out, 8, 5, 0)[1], 1e-7f);
    }

    @Test
    void cubicWeightsAreKeysCatmullRom() {
      assertEquals(1f, Px.cubicWeight(0));
      assertEquals(0.8671875f, Px.cubicWeight(-0.25f));
      assertEquals(-0.0703125f, Px.cubicWeight(1.25f));
      assertEquals(0f, Px.cubicWeight(1f));
      assertEquals(0f, Px.cubicWeight(2f));
    }
  }

  @Nested
  class Lanczos {
    @Test
    void neverLeavesZeroToOne() {
      // A checkerboard of 0 and 1 (ringing everywhere) and values outside [0, 1], up and down.
      float[] board = new float[9 * 7 * 4];
      for (int i = 0; i < 9 * 7; i++) {
        int x = i % 9;
        int y = i / 9;
        float v = ((x + y) & 1) == 0 ? 0f : 1f;
        board[i * 4] = v;
        board[i * 4 + 1] = 1 - v;
        board[i * 4 + 2] = v * 3 - 1;
        board[i * 4 + 3] = v;
      }
      for (int[] size : new int[][] {{23, 17}, {4, 3}, {9, 20}, {1, 1}}) {
        float[] out = run(9, 7, board, size[0], size[1], Resize::lanczos);
        for (float v : out) {
          assertTrue(v >= 0f && v <= 1f, "value " + v + " at " + size[0] + "x" + size[1]);
        }
      }
      float[] random = run(9, 7, random(9, 7, 3, -2, 3), 31, 5, Resize::lanczos);
      for (float v : random) {
        assertTrue(v >= 0f && v <= 1f, "value " + v);
      }
    }

    @Test
    void keepsAConstantImageConstant() {
      float[] grey = new float[6 * 5 * 4];
      Arrays.fill(grey, 0.4f);
      for (float v : run(6, 5, grey, 13, 4, Resize::lanczos)) {
        assertEquals(0.4f, v, 1e-6f);
      }
    }

    @Test
    void windowIsTheReferencesSixTapsAroundTheRoundedCentre() {
      // Taps c − 2 … c + 3 with c = floor(s + 0.5): for s = 4.7, c = 5, taps 3..8 (tap 2 is missing).
      assertEquals(3, Px.lanczosFirst(4.7f));
      assertEquals(2, Px.lanczosFirst(4.3f));
      assertEquals(1f, Px.lanczosWeight(0f));
      assertEquals(0f, Px.lanczosWeight(3f));
      // L(0.5) = sinc(0.5)·sinc(1/6), in double.
      double t = 0.5;
      double expected = Math.sin(Math.PI * t) / (Math.PI * t) * Math.sin(Math.PI * t / 3) / (Math.PI * t / 3);
      assertEquals(expected, Px.lanczosWeight(0.5f), 1e-6);
    }
  }

  @Nested
  class Sizes {
    @Test
    void theSameSizeIsAnExactCopyWhateverTheValues() {
      float[] src = random(5, 3, 4, -3, 3);
      src[7] = Float.NaN;
      src[9] = Float.POSITIVE_INFINITY;
      for (Sized op : ALL) {
        assertArrayEquals(src, run(5, 3, src, 5, 3, op));
      }
    }

    @Test
    void toWidthKeepsTheAspectRatio() {
      try (Image photo = new Image(1920, 1080, BackendKind.CPU);
          Image w = Resize.nearestToWidth(photo, 800);
          Image h = Resize.nearestToHeight(photo, 540)) {
        assertEquals(List.of(800, 450), List.of(w.width(), w.height()));
        assertEquals(List.of(960, 540), List.of(h.width(), h.height()));
      }
    }

    @Test
    void derivedSideIsTruncatedFromDoublesAsTheReferenceComputesIt() {
      // int(22 · (15 / 11)) = int(29.999999999999996) = 29, not 30; int(98 · (1/49)) = 1.
      for (BiFunction<Image, Integer, Image> toWidth : List.<BiFunction<Image, Integer, Image>>of(
          Resize::nearestToWidth, Resize::bilinearToWidth, Resize::bicubicToWidth, Resize::lanczosToWidth)) {
        try (Image src = new Image(11, 22, BackendKind.CPU); Image out = toWidth.apply(src, 15)) {
          assertEquals(List.of(15, 29), List.of(out.width(), out.height()));
        }
      }
      for (BiFunction<Image, Integer, Image> toHeight : List.<BiFunction<Image, Integer, Image>>of(
          Resize::nearestToHeight, Resize::bilinearToHeight, Resize::bicubicToHeight, Resize::lanczosToHeight)) {
        try (Image src = new Image(98, 49, BackendKind.CPU); Image out = toHeight.apply(src, 1)) {
          assertEquals(List.of(1, 1), List.of(out.width(), out.height()));
        }
      }
    }

    @Test
    void intoSetsTheLogicalSizeWithinALargerCapacity() {
      float[] src = random(4, 4, 5, 0, 1);
      try (Image s = image(4, 4, src); Image dst = new Image(10, 10, BackendKind.CPU)) {
        Resize.nearestInto(dst, s, 2, 3);
        assertEquals(List.of(2, 3), List.of(dst.width(), dst.height()));
        Resize.bilinearInto(dst, s, 8, 8);
        assertEquals(List.of(8, 8), List.of(dst.width(), dst.height()));
        Resize.bicubicInto(dst, s, 4, 4);
        assertArrayEquals(src, Images.download(dst), "same size: a copy");
        Resize.lanczosInto(dst, s, 5, 1);
        assertEquals(List.of(5, 1), List.of(dst.width(), dst.height()));
        Resize.nearestToWidthInto(dst, s, 2);
        assertEquals(List.of(2, 2), List.of(dst.width(), dst.height()));
        Resize.bilinearToHeightInto(dst, s, 6);
        assertEquals(List.of(6, 6), List.of(dst.width(), dst.height()));
        Resize.bicubicToWidthInto(dst, s, 3);
        Resize.bicubicToHeightInto(dst, s, 3);
        Resize.lanczosToWidthInto(dst, s, 7);
        Resize.lanczosToHeightInto(dst, s, 9);
        Resize.nearestToHeightInto(dst, s, 1);
        Resize.bilinearToWidthInto(dst, s, 10);
        assertEquals(List.of(10, 10), List.of(dst.width(), dst.height()));
      }
    }

    @Test
    void intoGivesTheSamePixelsAsTheProducer() {
      float[] src = random(7, 5, 6, -0.5f, 1.5f);
      try (Image s = image(7, 5, src); Image dst = new Image(20, 20, BackendKind.CPU)) {
        Resize.lanczosInto(dst, s, 11, 3);
        assertArrayEquals(run(7, 5, src, 11, 3, Resize::lanczos), Images.download(dst));
      }
    }
  }

  @Nested
  class Errors {
    @Test
    void sidesMustBeInOneTo32768() {
      try (Image src = new Image(4, 4, BackendKind.CPU)) {
        assertMessage(IllegalArgumentException.class, "Resize.nearest: width must be positive, got 0",
            () -> Resize.nearest(src, 0, 3));
        assertMessage(IllegalArgumentException.class, "Resize.bilinear: height must be positive, got -3",
            () -> Resize.bilinear(src, 3, -3));
        assertMessage(IllegalArgumentException.class, "Resize.bicubic: width must be at most 32768, got 32769",
            () -> Resize.bicubic(src, 32769, 1));
        assertMessage(IllegalArgumentException.class, "Resize.lanczosToWidth: width must be positive",
            () -> Resize.lanczosToWidth(src, 0));
        assertMessage(IllegalArgumentException.class, "Resize.lanczosToHeight: height must be positive",
            () -> Resize.lanczosToHeight(src, -1));
        try (Image dst = new Image(4, 4, BackendKind.CPU)) {
          assertMessage(IllegalArgumentException.class, "Resize.nearestInto: width must be positive",
              () -> Resize.nearestInto(dst, src, 0, 1));
          assertMessage(IllegalArgumentException.class, "Resize.nearestToHeightInto: height must be positive",
              () -> Resize.nearestToHeightInto(dst, src, 0));
        }
      }
    }

    @Test
    void aDerivedSideOutsideTheLimitsIsRefused() {
      try (Image flat = new Image(1000, 1, BackendKind.CPU); Image tall = new Image(1, 1000, BackendKind.CPU)) {
        assertMessage(IllegalArgumentException.class,
            "Resize.bilinearToWidth: the height kept in proportion (1000x1 source at width 10) must be in "
                + "1..32768, got 0", () -> Resize.bilinearToWidth(flat, 10));
        assertMessage(IllegalArgumentException.class, "got 100000", () -> Resize.nearestToWidth(tall, 100));
        assertMessage(IllegalArgumentException.class, "the width kept in proportion",
            () -> Resize.bicubicToHeight(tall, 10));
      }
    }

    @Test
    void nullAndFreedImagesAreRefused() {
      assertMessage(NullPointerException.class, "Resize.nearest: src is null", () -> Resize.nearest(null, 2, 2));
      assertMessage(NullPointerException.class, "Resize.lanczosToWidth: src is null",
          () -> Resize.lanczosToWidth(null, 2));
      Image freed = new Image(2, 2, BackendKind.CPU);
      freed.free();
      try (Image live = new Image(2, 2, BackendKind.CPU)) {
        assertMessage(IllegalStateException.class, "freed", () -> Resize.bilinear(freed, 3, 3));
        assertMessage(IllegalStateException.class, "freed", () -> Resize.bicubicToHeight(freed, 3));
        assertMessage(IllegalStateException.class, "dst has been freed", () -> Resize.lanczosInto(freed, live, 3, 3));
        assertMessage(IllegalStateException.class, "dst has been freed",
            () -> Resize.nearestToWidthInto(freed, live, 3));
        assertMessage(IllegalStateException.class, "src has been freed", () -> Resize.nearestInto(live, freed, 3, 3));
        assertMessage(NullPointerException.class, "dst is null", () -> Resize.bilinearInto(null, live, 3, 3));
        assertMessage(NullPointerException.class, "dst is null", () -> Resize.bilinearToHeightInto(null, live, 3));
      }
    }

    @Test
    void dstMustNotBeSrc() {
      try (Image img = new Image(4, 4, BackendKind.CPU)) {
        assertMessage(IllegalArgumentException.class, "must be different images",
            () -> Resize.bilinearInto(img, img, 2, 2));
        assertMessage(IllegalArgumentException.class, "must be different images",
            () -> Resize.lanczosToWidthInto(img, img, 2));
        assertMessage(IllegalArgumentException.class, "must be different images",
            () -> Resize.nearestInto(img, img, 4, 4));
      }
    }

    @Test
    void dstCapacityIsChecked() {
      try (Image src = new Image(4, 4, BackendKind.CPU); Image small = new Image(3, 3, BackendKind.CPU)) {
        CapacityExceededException e = assertMessage(CapacityExceededException.class, "exceed buffer capacity",
            () -> Resize.bicubicInto(small, src, 5, 2));
        assertTrue(e.getMessage().startsWith("Resize.bicubicInto: dst needs 5x2"), e.getMessage());
        assertMessage(CapacityExceededException.class, "exceed buffer capacity",
            () -> Resize.nearestToWidthInto(small, src, 4));
        assertEquals(List.of(3, 3), List.of(small.width(), small.height()), "a refused dst keeps its size");
      }
    }
  }

  @Test
  void kernelBlockShapeMatchesTheLaunches() throws IOException {
    // resize_lanczos sizes its shared weight tables with JC_BLOCK_X x JC_BLOCK_Y.
    String common = Files.readString(Path.of("src/main/cuda/common.cuh"));
    assertEquals(KernelLaunch.BLOCK_X, define(common, "JC_BLOCK_X"));
    assertEquals(KernelLaunch.BLOCK_Y, define(common, "JC_BLOCK_Y"));
  }

  private static int define(String source, String name) {
    Matcher m = Pattern.compile("#define " + name + " (\\d+)").matcher(source);
    assertTrue(m.find(), name + " is not defined");
    return Integer.parseInt(m.group(1));
  }
}
