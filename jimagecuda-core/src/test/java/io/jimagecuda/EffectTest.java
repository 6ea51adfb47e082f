package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Effect} on the CPU backend: pixels worked out by hand from the formulas of spec §3.5, and every error. */
class EffectTest {
  private static final Rgba S = new Rgba(0.2f, 0.4f, 0.6f, 1f);
  private static final Rgba RED = new Rgba(1f, 0f, 0f, 1f);
  private static final float EPS = 1e-6f;

  /** A {@code w × h} CPU image filled with {@code c}. */
  private static Image image(int w, int h, Rgba c) {
    Image img = new Image(w, h, BackendKind.CPU);
    Fill.color(img, c);
    return img;
  }

  /** A CPU image of the given pixels. */
  private static Image image(int w, int h, float[] px) {
    Image img = new Image(w, h, BackendKind.CPU);
    Images.upload(img, px);
    return img;
  }

  /** Runs {@code op} on a {@code w × h} image of colour {@code c} and returns its pixels. */
  private static float[] render(int w, int h, Rgba c, Consumer<Image> op) {
    try (Image img = image(w, h, c)) {
      op.accept(img);
      return Images.download(img);
    }
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return new float[] {px[i], px[i + 1], px[i + 2], px[i + 3]};
  }

  private static void assertPixel(float[] expected, float[] px, int w, int x, int y, float tolerance) {
    assertArrayEquals(expected, pixel(px, w, x, y), tolerance, "pixel (" + x + ", " + y + ")");
  }

  private static void assertPixel(Rgba expected, float[] px, int w, int x, int y) {
    assertPixel(expected.toArray(), px, w, x, y, 0f);
  }

  private static double smoothstep01(double t) {
    t = Math.min(Math.max(t, 0), 1);
    return t * t * (3 - 2 * t);
  }

  private static void assertRejected(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
  }

  @Nested
  class RoundedCorners {
    /** Alpha factor of a pixel centre {@code (px, py)} near a corner circle at {@code (c, c)} of radius r. */
    private double mask(double px, double py, double c, double r) {
      return smoothstep01(r - Math.hypot(px - c, py - c));
    }

    @Test
    void cornerPixelIsTransparentAndTheRampLiesInsideTheArc() {
      float[] px = render(10, 10, S, img -> Effect.roundedCorners(img, 4));
      // Corner pixel centre (0.5, 0.5) is 4.95 from the circle centre (4, 4): outside the arc.
      for (int[] corner : new int[][] {{0, 0}, {9, 0}, {0, 9}, {9, 9}}) {
        assertPixel(new float[] {0.2f, 0.4f, 0.6f, 0f}, px, 10, corner[0], corner[1], 0f);
      }
      // One pixel in along the diagonal: 3.54 from the centre, 0.46 inside the arc.
      double inside = mask(1.5, 1.5, 4, 4);
      assertEquals(0.446789, inside, 1e-6);
      assertPixel(new float[] {0.2f, 0.4f, 0.6f, (float) inside}, px, 10, 1, 1, EPS);
      assertPixel(new float[] {0.2f, 0.4f, 0.6f, (float) inside}, px, 10, 8, 8, EPS);
      assertPixel(new float[] {0.2f, 0.4f, 0.6f, (float) mask(3.5, 0.5, 4, 4)}, px, 10, 3, 0, EPS);
      // Two pixels in, and everything outside the corner squares, keep their alpha.
      assertPixel(S, px, 10, 2, 2);
      assertPixel(S, px, 10, 0, 4);
      assertPixel(S, px, 10, 4, 0);
      assertPixel(S, px, 10, 5, 5);
    }

    @Test
    void multipliesTheExistingAlpha() {
      Rgba half = new Rgba(0.2f, 0.4f, 0.6f, 0.5f);
      float[] px = render(10, 10, half, img -> Effect.roundedCorners(img, 4));
      assertEquals(0.5 * mask(1.5, 1.5, 4, 4), pixel(px, 10, 1, 1)[3], EPS);
    }

    @Test
    void radiusZeroChangesNothing() {
      float[] px = render(5, 4, S, img -> Effect.roundedCorners(img, 0));
      for (int p = 0; p < 20; p++) {
        assertPixel(S, px, 5, p % 5, p / 5);
      }
    }

    @Test
    void radiusBeyondHalfTheShorterSideIsClampedToIt() {
      float[] clamped = render(8, 4, S, img -> Effect.roundedCorners(img, 100));
      float[] half = render(8, 4, S, img -> Effect.roundedCorners(img, 2));
      assertArrayEquals(half, clamped);
      // Radius 2 on a 4-pixel side: pixel (0, 1) is in the top-left square, its centre 1.58 from (2, 2).
      assertEquals((float) mask(0.5, 1.5, 2, 2), pixel(clamped, 8, 0, 1)[3], EPS);
    }

    @Test
    void aOnePixelImageIsLeftAlone() {
      // Radius clamped to 0.5: the pixel centre lies on the corner squares' edges, and the tests are strict.
      assertPixel(S, render(1, 1, S, img -> Effect.roundedCorners(img, 3)), 1, 0, 0);
      // 2x2, radius 1: each pixel is its own corner square, 0.71 from the circle centre.
      float[] px = render(2, 2, S, img -> Effect.roundedCorners(img, 1));
      for (int p = 0; p < 4; p++) {
        assertEquals((float) mask(0.5, 0.5, 1, 1), px[p * 4 + 3], EPS);
      }
    }
  }

  @Nested
  class Vignette {
    /** The vignette of colour {@code c} over pixel value {@code p}: p (1 − m) + c m. */
    private float[] expected(Rgba p, Rgba c, double s) {
      double m = s * c.a();
      return new float[] {(float) (p.r() * (1 - m) + c.r() * m), (float) (p.g() * (1 - m) + c.g() * m),
          (float) (p.b() * (1 - m) + c.b() * m), p.a()};
    }

    @Test
    void centreIsUntouchedAndCornersAndEdgesFollowTheFormula() {
      Rgba tint = new Rgba(0.9f, 0.1f, 0.3f, 0.5f);
      float[] px = render(5, 5, S, img -> Effect.vignette(img, Effect.Vignette.DEFAULTS.withColor(tint)));
      assertPixel(S, px, 5, 2, 2);
      // Corner: d = √2 > 0.9 + 0.5, full strength.
      assertPixel(expected(S, tint, 1), px, 5, 0, 0, EPS);
      assertPixel(expected(S, tint, 1), px, 5, 4, 4, EPS);
      // Edge midpoint: d = 1, t = (1 − 0.4) / 1.
      assertPixel(expected(S, tint, smoothstep01(0.6)), px, 5, 0, 2, EPS);
      // (1, 2): d = 0.5, t = 0.1.
      assertPixel(expected(S, tint, smoothstep01(0.1)), px, 5, 1, 2, EPS);
    }

    @Test
    void defaultsDarkenTheCornersToBlackAndKeepAlpha() {
      Rgba seeThrough = new Rgba(0.2f, 0.4f, 0.6f, 0.25f);
      float[] px = render(3, 3, seeThrough, Effect::vignette);
      assertPixel(new float[] {0, 0, 0, 0.25f}, px, 3, 0, 0, 0f);
      assertPixel(seeThrough, px, 3, 1, 1);
    }

    @Test
    void isEllipticalOnNonSquareImages() {
      float[] px = render(9, 3, S, Effect::vignette);
      assertArrayEquals(pixel(px, 9, 0, 1), pixel(px, 9, 4, 0), EPS); // both edge midpoints: d = 1
    }

    @Test
    void onePixelSidesAreTheirOwnCentreInsteadOfNaN() {
      for (int[] size : new int[][] {{1, 1}, {1, 5}, {5, 1}}) {
        float[] px = render(size[0], size[1], S, Effect::vignette);
        for (float v : px) {
          assertTrue(Float.isFinite(v), "non-finite value on " + size[0] + "x" + size[1]);
        }
      }
      // 1x5: u = 0, v = −1 at the top: d = 1 as at a square image's edge midpoint.
      float[] column = render(1, 5, S, Effect::vignette);
      assertPixel(expected(S, Rgba.BLACK, smoothstep01(0.6)), column, 1, 0, 0, EPS);
      assertPixel(S, column, 1, 0, 2);
      assertPixel(S, render(1, 1, S, Effect::vignette), 1, 0, 0);
    }

    @Test
    void zeroSoftnessIsAHardEdgeThatLeavesTheRadiusItself() {
      // Radius 1, softness 0 on 3x3: the edge midpoints lie exactly on it (0/0 in the reference).
      float[] px = render(3, 3, S, img -> Effect.vignette(img, new Effect.Vignette(1, 0, RED)));
      assertPixel(S, px, 3, 0, 1);
      assertPixel(S, px, 3, 1, 1);
      assertPixel(new float[] {1, 0, 0, 1}, px, 3, 0, 0, 0f);
    }

    @Test
    void negativeRadiusAndSoftnessMeanZero() {
      float[] negative = render(4, 4, S, img -> Effect.vignette(img, new Effect.Vignette(-2, -1, RED)));
      float[] zero = render(4, 4, S, img -> Effect.vignette(img, new Effect.Vignette(0, 0, RED)));
      assertArrayEquals(zero, negative);
      assertPixel(new float[] {1, 0, 0, 1}, zero, 4, 1, 1, 0f); // d = 0.47 > 0: full strength
    }
  }

  @Nested
  class StrokeSizes {
    @Test
    void outsideExpandGrowsByTheWidthOnEverySideOthersKeepTheSize() {
      try (Image img = image(10, 6, S)) {
        try (Image out = Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(3))) {
          assertEquals(16, out.width());
          assertEquals(12, out.height());
          assertSame(BackendKind.CPU, out.backend());
          float[] px = Images.download(out);
          assertPixel(S, px, 16, 3, 3); // the image's top-left pixel, at (width, width)
          assertPixel(new float[] {0, 0, 0, 1}, px, 16, 1, 3, 0f);
          assertPixel(new float[4], px, 16, 0, 0, 0f); // 4.24 from the corner seed: beyond the stroke
        }
        try (Image out = Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(3).withExpand(false))) {
          assertEquals(10, out.width());
          assertEquals(6, out.height());
          assertArrayEquals(Images.download(img), Images.download(out)); // clipped: only the opaque image is left
        }
        try (Image out = Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(3)
            .withPosition(StrokePosition.INSIDE))) {
          assertEquals(10, out.width());
          assertEquals(6, out.height());
        }
      }
    }

    @Test
    void strokeIntoSetsTheLogicalSizeAndMatchesStroke() {
      try (Image img = image(5, 4, S); Image dst = new Image(20, 20, BackendKind.CPU)) {
        Effect.strokeInto(dst, img);
        assertEquals(9, dst.width());
        assertEquals(8, dst.height());
        try (Image out = Effect.stroke(img)) {
          assertArrayEquals(Images.download(out), Images.download(dst));
        }
      }
    }

    @Test
    void dstTooSmallIsRejectedBeforeAnythingChanges() {
      try (Image img = image(5, 4, S); Image dst = new Image(8, 8, BackendKind.CPU)) {
        CapacityExceededException e = assertThrows(CapacityExceededException.class,
            () -> Effect.strokeInto(dst, img));
        assertTrue(e.getMessage().contains("exceed buffer capacity"), e.getMessage());
        assertEquals(8, dst.width());
        Effect.strokeInto(dst, img, Effect.Stroke.DEFAULTS.withExpand(false));
        assertEquals(5, dst.width());
        assertEquals(4, dst.height());
      }
    }

    @Test
    void aSuppliedDistanceBufferIsResizedAndGivesTheSameResult() {
      try (Image img = image(5, 4, S); Image distance = new Image(100, 1, BackendKind.CPU);
          Image a = Effect.stroke(img, Effect.Stroke.DEFAULTS.withDistance(distance));
          Image b = Effect.stroke(img)) {
        assertEquals(9, distance.width());
        assertEquals(8, distance.height());
        assertArrayEquals(Images.download(b), Images.download(a));
      }
    }

    @Test
    void aTooSmallDistanceBufferIsRejectedAndDstKeepsItsSize() {
      try (Image img = image(5, 4, S); Image distance = new Image(8, 8, BackendKind.CPU);
          Image dst = new Image(10, 10, BackendKind.CPU)) {
        assertThrows(CapacityExceededException.class,
            () -> Effect.strokeInto(dst, img, Effect.Stroke.DEFAULTS.withDistance(distance)));
        assertEquals(10, dst.width());
        assertThrows(CapacityExceededException.class,
            () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withDistance(distance)));
      }
    }
  }

  @Nested
  class StrokePixels {
    /** A {@code size × size} transparent canvas with an opaque {@link #S} square over {@code [lo, hi)²}. */
    private Image square(int size, int lo, int hi) {
      float[] px = new float[size * size * 4];
      for (int y = lo; y < hi; y++) {
        for (int x = lo; x < hi; x++) {
          System.arraycopy(S.toArray(), 0, px, (y * size + x) * 4, 4);
        }
      }
      return image(size, size, px);
    }

    @Test
    void outsideRingIsExactlyTheColourAndTheSquareIsUntouched() {
      Rgba green = new Rgba(0.1f, 0.8f, 0.3f, 1f);
      try (Image img = square(12, 4, 8);
          Image out = Effect.stroke(img, Effect.Stroke.DEFAULTS.withColor(green).withExpand(false))) {
        float[] px = Images.download(out);
        for (int y = 4; y < 8; y++) {
          for (int x = 4; x < 8; x++) {
            assertPixel(S, px, 12, x, y); // seeds and interior: the source over the stroke
          }
        }
        for (int i = 4; i < 8; i++) {
          // One pixel out (d = 1): f = min(1, 2 − 1) = 1, the stroke colour exactly.
          assertPixel(green, px, 12, 3, i);
          assertPixel(green, px, 12, 8, i);
          assertPixel(green, px, 12, i, 3);
          assertPixel(green, px, 12, i, 8);
          // Two pixels out (d = 2 = width): f = 0, transparent black.
          assertPixel(new float[4], px, 12, 2, i, 0f);
          assertPixel(new float[4], px, 12, i, 9, 0f);
        }
        // Diagonal corner: d = √2, f = 2 − √2; the colour is the stroke's, the alpha its coverage.
        assertPixel(new float[] {0.1f, 0.8f, 0.3f, (float) (2 - Math.sqrt(2))}, px, 12, 3, 3, EPS);
        assertPixel(new float[4], px, 12, 0, 0, 0f);
      }
    }

    @Test
    void insideBandTintsTheOuterPixelsAndKeepsTheRest() {
      Rgba tint = new Rgba(1f, 0f, 0f, 0.5f);
      try (Image img = square(12, 2, 10); Image out = Effect.stroke(img, Effect.Stroke.DEFAULTS.withColor(tint)
          .withPosition(StrokePosition.INSIDE))) {
        float[] px = Images.download(out);
        float[] half = {0.6f, 0.2f, 0.3f, 1f}; // S mixed halfway to red
        assertPixel(half, px, 12, 2, 5, EPS); // a seed: d = 0
        assertPixel(half, px, 12, 3, 5, EPS); // d = 1
        assertPixel(half, px, 12, 3, 3, EPS);
        assertPixel(S, px, 12, 4, 5); // d = 2: f = 0
        assertPixel(S, px, 12, 5, 5);
        assertPixel(new float[4], px, 12, 1, 5, 0f); // transparent stays transparent
        assertPixel(new float[4], px, 12, 0, 0, 0f);
      }
    }

    @Test
    void anyAlphaAboveZeroIsShapeAndNoSeedMeansNoStroke() {
      float[] px = new float[5 * 5 * 4];
      px[(2 * 5 + 2) * 4 + 3] = 1e-6f; // one faint pixel in the middle
      try (Image faint = image(5, 5, px); Image empty = image(5, 5, new float[100]);
          Image a = Effect.stroke(faint, Effect.Stroke.DEFAULTS.withColor(RED).withExpand(false));
          Image b = Effect.stroke(empty, Effect.Stroke.DEFAULTS.withColor(RED))) {
        float[] pa = Images.download(a);
        assertPixel(RED, pa, 5, 1, 2);
        assertPixel(RED, pa, 5, 2, 1);
        for (float v : Images.download(b)) {
          assertEquals(0f, v);
        }
      }
    }

    @Test
    void theSourceIsNotChanged() {
      try (Image img = square(8, 2, 6)) {
        float[] before = Images.download(img);
        try (Image out = Effect.stroke(img)) {
          assertNotEquals(before.length, Images.download(out).length);
        }
        assertArrayEquals(before, Images.download(img));
      }
    }
  }

  /**
   * Jump flooding against the exact nearest-seed distance on random shapes. The stroke's coverage
   * {@code f = min(1, width − d)} gives away the distance {@code d} of every pixel at the first width
   * where {@code f > 0}: {@code d = width − f}. Outside pixels are read from an outside stroke's alpha,
   * inside pixels from an inside stroke of white over black.
   */
  @Nested
  class DistanceField {
    private static final int W = 24;
    private static final int H = 19;

    @Test
    void jumpFloodingIsExactAlmostEverywhereAndNeverCloser() {
      Random random = new Random(7);
      long pixels = 0;
      long differ = 0;
      double worst = 0;
      for (int shape = 0; shape < 100; shape++) {
        boolean[] in = randomShape(random, shape % 4 == 3 ? 0.3 : 0.03);
        double[] exact = exactDistances(in);
        if (exact == null) {
          continue;
        }
        double[] jfa = strokeDistances(in);
        for (int i = 0; i < W * H; i++) {
          assertTrue(jfa[i] >= exact[i] - 1e-4, "jump flooding found a seed closer than the nearest");
          pixels++;
          if (jfa[i] > exact[i] + 1e-4) {
            differ++;
            worst = Math.max(worst, jfa[i] - exact[i]);
          }
        }
      }
      System.out.printf("[EffectTest] jump flooding vs exact distance: %d of %d pixels differ (%.3f %%), "
          + "worst by %.3f px%n", differ, pixels, 100.0 * differ / pixels, worst);
      assertTrue(differ <= pixels / 100, differ + " of " + pixels + " pixels differ");
      assertTrue(worst < 1, "worst difference " + worst);
    }

    private boolean[] randomShape(Random random, double noise) {
      boolean[] in = new boolean[W * H];
      int discs = 1 + random.nextInt(3);
      double[][] d = new double[discs][];
      for (int k = 0; k < discs; k++) {
        d[k] = new double[] {random.nextDouble() * W, random.nextDouble() * H, 1 + random.nextDouble() * 6};
      }
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          boolean v = random.nextDouble() < noise;
          for (double[] c : d) {
            v |= Math.hypot(x - c[0], y - c[1]) < c[2];
          }
          in[y * W + x] = v;
        }
      }
      return in;
    }

    private boolean inside(boolean[] in, int x, int y) {
      return x >= 0 && x < W && y >= 0 && y < H && in[y * W + x];
    }

    /** Brute force over the seeds (inside, with an 8-neighbour outside); null without seeds. */
    private double[] exactDistances(boolean[] in) {
      List<int[]> seeds = new ArrayList<>();
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          boolean edge = false;
          for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
              edge |= !inside(in, x + i, y + j);
            }
          }
          if (inside(in, x, y) && edge) {
            seeds.add(new int[] {x, y});
          }
        }
      }
      if (seeds.isEmpty()) {
        return null;
      }
      double[] d = new double[W * H];
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          double best = Double.MAX_VALUE;
          for (int[] s : seeds) {
            best = Math.min(best, Math.hypot(x - s[0], y - s[1]));
          }
          d[y * W + x] = best;
        }
      }
      return d;
    }

    private double[] strokeDistances(boolean[] in) {
      float[] px = new float[W * H * 4];
      for (int i = 0; i < W * H; i++) {
        px[i * 4 + 3] = in[i] ? 1 : 0;
      }
      double[] d = new double[W * H];
      java.util.Arrays.fill(d, Double.NaN);
      int maxWidth = (int) Math.ceil(Math.hypot(W, H)) + 1;
      try (Image img = image(W, H, px)) {
        for (int width = 1; width <= maxWidth; width++) {
          float[] outside = stroke(img, width, StrokePosition.OUTSIDE);
          float[] inside = stroke(img, width, StrokePosition.INSIDE);
          for (int i = 0; i < W * H; i++) {
            float f = in[i] ? inside[i * 4] : outside[i * 4 + 3];
            if (Double.isNaN(d[i]) && f > 0) {
              d[i] = width - (double) f;
            }
          }
        }
      }
      for (double v : d) {
        assertTrue(!Double.isNaN(v), "a pixel without a distance");
      }
      return d;
    }

    private float[] stroke(Image img, int width, StrokePosition position) {
      try (Image out = Effect.stroke(img, new Effect.Stroke(width, Rgba.WHITE, position, false, null))) {
        return Images.download(out);
      }
    }
  }

  @Test
  void strokePositionParsesTheReferenceNames() {
    assertEquals(StrokePosition.OUTSIDE, StrokePosition.parse("outside"));
    assertEquals(StrokePosition.INSIDE, StrokePosition.parse("inside"));
    assertEquals("inside", StrokePosition.INSIDE.id());
    assertRejected("Invalid position 'center': expected outside or inside", () -> StrokePosition.parse("center"));
    assertRejected("Invalid position", () -> StrokePosition.parse("Outside"));
    assertRejected("Invalid position", () -> StrokePosition.parse(null));
  }

  @Test
  void optionRecordsHoldTheReferenceDefaultsAndCopy() {
    assertEquals(new Effect.Vignette(0.9f, 1f, Rgba.BLACK), Effect.Vignette.DEFAULTS);
    assertEquals(new Effect.Vignette(0.5f, 0.2f, RED),
        Effect.Vignette.DEFAULTS.withRadius(0.5f).withSoftness(0.2f).withColor(RED));
    assertEquals(new Effect.Stroke(2, Rgba.BLACK, StrokePosition.OUTSIDE, true, null), Effect.Stroke.DEFAULTS);
    try (Image scratch = new Image(1, 1, BackendKind.CPU)) {
      assertEquals(new Effect.Stroke(7, RED, StrokePosition.INSIDE, false, scratch),
          Effect.Stroke.DEFAULTS.withWidth(7).withColor(RED).withPosition(StrokePosition.INSIDE).withExpand(false)
              .withDistance(scratch));
    }
  }

  @Nested
  class Errors {
    /** Every op with its short overload. */
    private List<Consumer<Image>> ops() {
      return List.of(img -> Effect.roundedCorners(img, 2), Effect::vignette, img -> Effect.stroke(img).free(),
          img -> {
            try (Image dst = new Image(10, 10, BackendKind.CPU)) {
              Effect.strokeInto(dst, img);
            }
          });
    }

    @Test
    void freedImagesAreRejected() {
      for (Consumer<Image> op : ops()) {
        Image img = new Image(2, 2, BackendKind.CPU);
        img.free();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.accept(img));
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
      }
      try (Image img = image(2, 2, S)) {
        Image freed = new Image(10, 10, BackendKind.CPU);
        freed.free();
        assertThrows(IllegalStateException.class, () -> Effect.strokeInto(freed, img));
        assertThrows(IllegalStateException.class, () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withDistance(freed)));
      }
    }

    @Test
    void nullsAreRejected() {
      for (Consumer<Image> op : ops()) {
        assertThrows(NullPointerException.class, () -> op.accept(null));
      }
      try (Image img = image(2, 2, S); Image dst = new Image(8, 8, BackendKind.CPU)) {
        assertThrows(NullPointerException.class, () -> Effect.vignette(img, null));
        assertThrows(NullPointerException.class, () -> Effect.vignette(img, Effect.Vignette.DEFAULTS.withColor(null)));
        assertThrows(NullPointerException.class, () -> Effect.stroke(img, null));
        assertThrows(NullPointerException.class, () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withColor(null)));
        assertThrows(NullPointerException.class,
            () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withPosition(null)));
        assertThrows(NullPointerException.class, () -> Effect.strokeInto(null, img));
        assertThrows(NullPointerException.class, () -> Effect.strokeInto(dst, img, null));
      }
    }

    @Test
    void negativeNanAndInfiniteRadiiAreRejected() {
      try (Image img = image(4, 4, S)) {
        assertRejected("radius must be non-negative, got -1.0", () -> Effect.roundedCorners(img, -1));
        assertRejected("radius must be a finite number", () -> Effect.roundedCorners(img, Float.NaN));
        assertRejected("radius must be a finite number",
            () -> Effect.roundedCorners(img, Float.POSITIVE_INFINITY));
        assertRejected("radius must be a finite number",
            () -> Effect.vignette(img, Effect.Vignette.DEFAULTS.withRadius(Float.NaN)));
        assertRejected("softness must be a finite number",
            () -> Effect.vignette(img, Effect.Vignette.DEFAULTS.withSoftness(Float.NEGATIVE_INFINITY)));
      }
    }

    @Test
    void strokeWidthsOutsideOneTo1000AreRejectedWithTheReferenceFragment() {
      try (Image img = image(4, 4, S); Image dst = new Image(4, 4, BackendKind.CPU)) {
        for (int width : new int[] {0, -5, 1001}) {
          assertRejected("Invalid stroke width: width must be in 1..1000, got " + width,
              () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(width)));
          assertRejected("Invalid stroke width",
              () -> Effect.strokeInto(dst, img, Effect.Stroke.DEFAULTS.withWidth(width).withExpand(false)));
        }
        Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(1000).withExpand(false)).free();
      }
    }

    @Test
    void aResultBeyond32768PixelsASideIsRejected() {
      try (Image img = image(32768, 1, S)) {
        assertRejected("too large", () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(1)));
        Effect.stroke(img, Effect.Stroke.DEFAULTS.withExpand(false)).free();
      }
    }

    @Test
    void aliasingIsRejected() {
      try (Image img = image(4, 4, S); Image dst = new Image(8, 8, BackendKind.CPU)) {
        assertRejected("must be different images",
            () -> Effect.strokeInto(img, img, Effect.Stroke.DEFAULTS.withExpand(false)));
        assertRejected("must be different images",
            () -> Effect.stroke(img, Effect.Stroke.DEFAULTS.withDistance(img)));
        assertRejected("must be different images",
            () -> Effect.strokeInto(dst, img, Effect.Stroke.DEFAULTS.withDistance(img)));
        assertRejected("must be different images",
            () -> Effect.strokeInto(dst, img, Effect.Stroke.DEFAULTS.withDistance(dst)));
      }
    }

    @Test
    void rejectedCallsLeaveThePixelsAlone() {
      try (Image img = image(4, 4, S)) {
        assertThrows(IllegalArgumentException.class, () -> Effect.roundedCorners(img, -3));
        assertThrows(IllegalArgumentException.class,
            () -> Effect.vignette(img, Effect.Vignette.DEFAULTS.withSoftness(Float.NaN)));
        for (int p = 0; p < 16; p++) {
          assertPixel(S, Images.download(img), 4, p % 4, p / 4);
        }
      }
    }
  }
}
