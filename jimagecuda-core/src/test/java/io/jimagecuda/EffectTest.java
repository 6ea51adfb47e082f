package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
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

  @Nested
  class ChromaKey {
    /** HSV of spec §2.2 in double: {h in degrees, s, v}. */
    private double[] hsv(double r, double g, double b) {
      double mx = Math.max(r, Math.max(g, b));
      double d = mx - Math.min(r, Math.min(g, b));
      double h = d < 1e-5 ? 0 : mx == r ? 60 * (((g - b) / d) % 6) : mx == g ? 60 * ((b - r) / d + 2)
          : 60 * ((r - g) / d + 4);
      return new double[] {h < 0 ? h + 360 : h, mx > 1e-5 ? d / mx : 0, mx};
    }

    /** The distance of spec §3.5 (no hue difference for greys, JImageCUDA's rule). */
    private double distance(double[] p, double[] k, boolean grey) {
      double dh = Math.abs(p[0] - k[0]);
      dh = grey ? 0 : Math.min(dh, 360 - dh) / 180;
      return Math.sqrt(2 * dh * dh + (p[1] - k[1]) * (p[1] - k[1]) + 0.5 * (p[2] - k[2]) * (p[2] - k[2]));
    }

    /** One pixel {@code p} (alpha 1) keyed with {@code options}. */
    private float[] key(Rgba p, Effect.ChromaKey options) {
      return render(1, 1, p, img -> Effect.chromaKey(img, options));
    }

    @Test
    void keyColouredPixelsBecomeTransparentAndKeepTheirColour() {
      assertPixel(new float[] {0, 1, 0, 0}, key(Rgba.rgb(0, 1, 0), Effect.ChromaKey.DEFAULTS), 1, 0, 0, 0f);
      Rgba blue = new Rgba(0.1f, 0.2f, 0.9f, 0.7f);
      assertPixel(new float[] {0.1f, 0.2f, 0.9f, 0f},
          render(3, 2, blue, img -> Effect.chromaKey(img, Effect.ChromaKey.DEFAULTS.withKeyColor(0.1f, 0.2f, 0.9f))),
          3, 2, 1, 0f);
    }

    @Test
    void farColoursAreUntouchedBitForBit() {
      // Red against the green key: dh = 120/180, D = √(2·4/9) = 0.943 ≥ 0.4.
      Rgba red = new Rgba(1f, 0f, 0f, 0.8f);
      assertPixel(red, key(red, Effect.ChromaKey.DEFAULTS), 1, 0, 0);
      assertPixel(S, key(S, Effect.ChromaKey.DEFAULTS), 1, 0, 0);
      // White: no hue, s = 0 against 1: D = 1.
      assertPixel(Rgba.WHITE, key(Rgba.WHITE, Effect.ChromaKey.DEFAULTS), 1, 0, 0);
    }

    @Test
    void alphaFollowsTheSmoothstepBelowTheThreshold() {
      // Pixels (0, v, 0): h = 120, s = 1 as the key, so D = (1 − v)/√2: 0, 0.071, ..., 0.495.
      Effect.ChromaKey options = Effect.ChromaKey.DEFAULTS.withThreshold(0.4f).withSmoothness(0.3f)
          .withSpillSuppression(0);
      float previous = -1;
      for (int i = 0; i <= 7; i++) {
        float v = 1 - 0.1f * i;
        double d = (1 - (double) v) / Math.sqrt(2);
        double k = d >= 0.4 ? 1 : smoothstep01((d - 0.1) / 0.3);
        float[] px = key(Rgba.rgb(0, v, 0), options);
        assertPixel(new float[] {0, v, 0, (float) k}, px, 1, 0, 0, 1e-5f);
        assertTrue(px[3] >= previous, "alpha grows with the distance");
        previous = px[3];
      }
      assertEquals(0f, key(Rgba.rgb(0, 0.9f, 0), options)[3]); // D = 0.071 < 0.1: fully keyed
      assertEquals(1f, key(Rgba.rgb(0, 0.4f, 0), options)[3]); // D = 0.424 ≥ 0.4: kept
    }

    @Test
    void noSmoothnessIsAHardEdge() {
      Effect.ChromaKey hard = Effect.ChromaKey.DEFAULTS.withThreshold(0.3f).withSmoothness(0);
      assertEquals(0f, key(Rgba.rgb(0, 0.6f, 0), hard)[3]); // D = 0.283
      assertEquals(1f, key(Rgba.rgb(0, 0.5f, 0), hard)[3]); // D = 0.354
      assertEquals(0f, key(Rgba.rgb(0, 0.6f, 0), hard.withSmoothness(1e-4f))[3]); // up to 1e-4: hard
    }

    @Test
    void spillSuppressionTakesKeyColourOutOfEdgePixelsAndKeepsTheirLuma() {
      // Yellow against green: h = 60, dh = 1/3, D = √(2/9) = 0.471; threshold 1, smoothness 1: k = 0.457.
      double d = Math.sqrt(2.0 / 9);
      double k = smoothstep01(d);
      double amount = (1 - k) * 0.5;
      double g = 1 - amount; // c' = (1, 1 − amount, 0)
      double ratio = (0.299 + 0.587) / (0.299 + 0.587 * g);
      float[] px = key(Rgba.rgb(1, 1, 0), Effect.ChromaKey.DEFAULTS.withThreshold(1).withSmoothness(1));
      assertPixel(new float[] {1, (float) (g * ratio), 0, (float) k}, px, 1, 0, 0, 1e-5f); // red: min(1, 1.22)
      assertEquals(0.4572, k, 1e-4);
      assertEquals(0.8883, g * ratio, 1e-4);
    }

    @Test
    void spillSuppressionLeavesAColourWithoutLumaAlone() {
      // (0, 0.05, 0): D = 0.95/√2 = 0.672, k = 0.748; with spill 1, c' = (0, 0, 0) has no luma.
      double k = smoothstep01(0.95 / Math.sqrt(2));
      float[] px = key(Rgba.rgb(0, 0.05f, 0),
          Effect.ChromaKey.DEFAULTS.withThreshold(1).withSmoothness(1).withSpillSuppression(1));
      assertPixel(new float[] {0, 0.05f, 0, (float) k}, px, 1, 0, 0, 1e-5f);
    }

    @Test
    void spillOnlyTouchesPixelsBetweenTenAndNinetyPercent() {
      Effect.ChromaKey options = Effect.ChromaKey.DEFAULTS.withThreshold(1).withSmoothness(1).withSpillSuppression(1);
      // (0.9, 1, 0.9): s = 0.1, D = 0.9, k = 0.972 ≥ 0.9: colour kept.
      float[] kept = key(Rgba.rgb(0.9f, 1, 0.9f), options);
      assertPixel(new float[] {0.9f, 1, 0.9f, (float) smoothstep01(0.9)}, kept, 1, 0, 0, 1e-5f);
      // (0, 0.95, 0): D = 0.035, k = 0.004 ≤ 0.1: colour kept.
      float[] keyed = key(Rgba.rgb(0, 0.95f, 0), options);
      assertPixel(new float[] {0, 0.95f, 0, (float) smoothstep01(0.05 / Math.sqrt(2))}, keyed, 1, 0, 0, 1e-5f);
      // Spill 0 (and up to 0.001): colour kept at k = 0.457.
      float[] none = key(Rgba.rgb(1, 1, 0), options.withSpillSuppression(0.001f));
      assertPixel(new float[] {1, 1, 0, (float) smoothstep01(Math.sqrt(2.0 / 9))}, none, 1, 0, 0, 1e-5f);
    }

    @Test
    void greysHaveNoHueDifference() {
      // Against a grey key (no hue), a reddish and a cyan-ish pixel of the same s and v are equally far:
      // D = √(0.5²) = 0.5, k = smoothstep(0, 1, 0.5) = 0.5 (the reference gives the red one k = 0.5 and the
      // cyan one, 180° from the grey's conventional hue 0, k = 1).
      Effect.ChromaKey grey = new Effect.ChromaKey(Rgba.rgb(0.5f, 0.5f, 0.5f), 1, 1, 0);
      assertEquals(0.5f, key(Rgba.rgb(0.5f, 0.25f, 0.25f), grey)[3], 1e-6f);
      assertEquals(0.5f, key(Rgba.rgb(0.25f, 0.5f, 0.5f), grey)[3], 1e-6f);
      // A grey pixel is as close to a pale red key as to a pale cyan one: D = 1/6 (s only), keyed.
      Rgba mid = Rgba.rgb(0.6f, 0.6f, 0.6f);
      assertEquals(0f, key(mid, Effect.ChromaKey.DEFAULTS.withKeyColor(0.6f, 0.5f, 0.5f))[3]);
      assertEquals(0f, key(mid, Effect.ChromaKey.DEFAULTS.withKeyColor(0.5f, 0.6f, 0.6f))[3]);
      double[] grey2 = hsv(0.6, 0.6, 0.6);
      assertEquals(1 / 6.0, distance(grey2, hsv(0.5, 0.6, 0.6), true), 1e-9);
      assertEquals(1.42, distance(grey2, hsv(0.5, 0.6, 0.6), false), 0.01); // with the reference's hue 0
    }

    @Test
    void keyAlphaIsIgnoredAndAlphaIsMultiplied() {
      // (0, 0.5, 0) at alpha 0.5: D = 0.5/√2 = 0.354, k = smoothstep(0.3, 0.4, D) = 0.553.
      Rgba half = new Rgba(0, 0.5f, 0, 0.5f);
      Effect.ChromaKey options = Effect.ChromaKey.DEFAULTS.withSpillSuppression(0);
      double k = smoothstep01((0.5 / Math.sqrt(2) - 0.3) / 0.1);
      float[] a = render(1, 1, half, img -> Effect.chromaKey(img, options));
      assertPixel(new float[] {0, 0.5f, 0, (float) (0.5 * k)}, a, 1, 0, 0, 1e-6f);
      assertEquals(0.2766, a[3], 1e-4);
      float[] b = render(1, 1, half, img -> Effect.chromaKey(img, options.withKeyColor(new Rgba(0, 1, 0, 0))));
      assertArrayEquals(a, b);
    }

    @Test
    void aThresholdBelowOneMillionthChangesNothing() {
      for (float t : new float[] {0f, 9e-7f}) {
        assertPixel(new float[] {0, 1, 0, 1}, key(Rgba.rgb(0, 1, 0), Effect.ChromaKey.DEFAULTS.withThreshold(t)),
            1, 0, 0, 0f);
      }
      assertEquals(0f, key(Rgba.rgb(0, 1, 0), Effect.ChromaKey.DEFAULTS.withThreshold(1e-6f))[3]);
    }

    @Test
    void defaultsAreTheReferences() {
      float[] a = render(4, 3, Rgba.rgb(0.1f, 0.8f, 0.2f), Effect::chromaKey);
      float[] b = render(4, 3, Rgba.rgb(0.1f, 0.8f, 0.2f), img -> Effect.chromaKey(img, Effect.ChromaKey.DEFAULTS));
      assertArrayEquals(b, a);
      assertEquals(0f, a[3]); // h = 128.6, s = 0.875, v = 0.8: D = 0.20 < 0.3
    }
  }

  @Nested
  class DropShadowSizes {
    /** The opaque {@code 1 × 1} image {@link #S}. */
    private Image dot() {
      return image(1, 1, S);
    }

    private void assertSize(int w, int h, Image img) {
      assertEquals(List.of(w, h), List.of(img.width(), img.height()));
    }

    @Test
    void expandGrowsByTheBlurOnEverySideAndByTheOffsetTowardsTheShadow() {
      try (Image img = image(10, 6, S)) {
        Effect.DropShadow blur4 = Effect.DropShadow.DEFAULTS.withBlur(4);
        try (Image a = Effect.dropShadow(img, blur4.withOffset(3, 2));
            Image b = Effect.dropShadow(img, blur4.withOffset(-3, -2));
            Image c = Effect.dropShadow(img, blur4.withOffset(5, -1).withBlur(0));
            Image d = Effect.dropShadow(img)) {
          assertSize(21, 16, a); // 10 + 2·4 + 3, 6 + 2·4 + 2
          assertSize(21, 16, b);
          assertSize(15, 7, c);
          assertSize(60, 56, d); // defaults: offset (10, 10), blur 20
          assertSame(BackendKind.CPU, a.backend());
          assertPixel(S, Images.download(a), 21, 4, 4); // the image's top-left pixel at (blur, blur)
          assertPixel(S, Images.download(b), 21, 7, 6); // at (blur + 3, blur + 2)
          assertPixel(S, Images.download(c), 15, 0, 1);
          assertPixel(S, Images.download(d), 60, 20, 20);
        }
      }
    }

    @Test
    void theShadowLiesAtTheImagePlusTheOffset() {
      // A 1x1 opaque image, blur 2: the shadow's peak is at the image's position + offset.
      for (int[] o : new int[][] {{3, 2}, {-3, -2}, {0, 0}, {4, -5}}) {
        Effect.DropShadow options = Effect.DropShadow.DEFAULTS.withBlur(2).withOffset(o[0], o[1])
            .withColor(Rgba.BLACK);
        try (Image img = dot(); Image out = Effect.dropShadow(img, options)) {
          int w = 5 + Math.abs(o[0]);
          assertSize(w, 5 + Math.abs(o[1]), out);
          int ix = 2 + Math.max(0, -o[0]);
          int iy = 2 + Math.max(0, -o[1]);
          float[] px = Images.download(out);
          assertPixel(S, px, w, ix, iy);
          if (o[0] != 0 || o[1] != 0) {
            float peak = pixel(px, w, ix + o[0], iy + o[1])[3];
            assertTrue(peak > pixel(px, w, ix + o[0] - 1, iy + o[1])[3], "peak at " + o[0] + ", " + o[1]);
            assertEquals(pixel(px, w, ix + o[0] - 1, iy + o[1])[3], pixel(px, w, ix + o[0] + 1, iy + o[1])[3]);
            assertEquals(pixel(px, w, ix + o[0], iy + o[1] - 1)[3], pixel(px, w, ix + o[0], iy + o[1] + 1)[3]);
          }
        }
      }
    }

    @Test
    void withoutExpandTheResultHasTheImagesSizeAndTheShadowIsClipped() {
      // Opaque left half, transparent right half; the hard shadow moved 3 right shows in columns 3..5.
      float[] px = new float[6 * 2 * 4];
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          System.arraycopy(S.toArray(), 0, px, (y * 6 + x) * 4, 4);
        }
      }
      try (Image img = image(6, 2, px); Image out = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS
          .withOffset(3, 1).withBlur(0).withExpand(false).withColor(RED))) {
        assertSize(6, 2, out);
        float[] o = Images.download(out);
        for (int x = 0; x < 3; x++) {
          assertPixel(S, o, 6, x, 0);
          assertPixel(S, o, 6, x, 1);
          assertPixel(new float[4], o, 6, x + 3, 0, 0f); // the shadow starts a row lower
          assertPixel(RED, o, 6, x + 3, 1); // red at alpha 1: red
        }
      }
    }

    @Test
    void offsetsBeyondTheImageLeaveNoShadowAndNeverOverflow() {
      float[] px = new float[4 * 3 * 4];
      System.arraycopy(S.toArray(), 0, px, 0, 4); // one opaque pixel, the rest transparent
      for (int[] o : new int[][] {{4, 0}, {0, 3}, {-4, 0}, {0, -3}, {100, 100}, {Integer.MAX_VALUE, 0},
          {Integer.MIN_VALUE, Integer.MIN_VALUE}}) {
        try (Image img = image(4, 3, px); Image out = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS
            .withOffset(o[0], o[1]).withBlur(3).withExpand(false))) {
          assertArrayEquals(px, Images.download(out), "offset " + o[0] + ", " + o[1]);
        }
      }
      // Expanding, the canvas grows to hold a far shadow: 4 + 30 wide, the gap transparent.
      try (Image img = image(4, 3, px); Image out = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS
          .withOffset(30, 0).withBlur(0).withColor(Rgba.BLACK))) {
        assertSize(34, 3, out);
        float[] o = Images.download(out);
        assertPixel(S, o, 34, 0, 0);
        assertPixel(Rgba.BLACK, o, 34, 30, 0);
        assertPixel(new float[4], o, 34, 15, 0, 0f);
        assertPixel(new float[4], o, 34, 31, 0, 0f);
      }
    }

    @Test
    void dropShadowIntoSetsTheLogicalSizeAndMatchesDropShadow() {
      try (Image img = image(5, 4, S); Image dst = new Image(70, 70, BackendKind.CPU)) {
        Effect.dropShadowInto(dst, img);
        assertSize(55, 54, dst);
        try (Image out = Effect.dropShadow(img)) {
          assertArrayEquals(Images.download(out), Images.download(dst));
        }
      }
    }
  }

  @Nested
  class DropShadowPixels {
    @Test
    void blurZeroIsAHardShadowOfExactlyTheColourAtItsAlpha() {
      // A 2x2 opaque square at (1, 1) on 6x6, shadow offset (2, 2), blur 0: the square's shadow at (3, 3).
      float[] px = new float[6 * 6 * 4];
      for (int y = 1; y < 3; y++) {
        for (int x = 1; x < 3; x++) {
          System.arraycopy(S.toArray(), 0, px, (y * 6 + x) * 4, 4);
        }
      }
      Rgba color = new Rgba(0.2f, 0.4f, 0.6f, 0.5f);
      try (Image img = image(6, 6, px); Image out = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS
          .withOffset(2, 2).withBlur(0).withColor(color))) {
        assertEquals(8, out.width());
        float[] o = Images.download(out);
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            boolean image = x >= 1 && x < 3 && y >= 1 && y < 3;
            boolean shadow = x >= 3 && x < 5 && y >= 3 && y < 5;
            assertPixel(image ? S : shadow ? color : Rgba.TRANSPARENT, o, 8, x, y);
          }
        }
      }
    }

    @Test
    void aRedShadowIsRedAndTheImageIsCompositedOverIt() {
      // 4x1: opaque white, half-transparent white, then transparent; shadow 1 to the right, blur 0.
      float[] px = {1, 1, 1, 1, 1, 1, 1, 0.5f, 0, 0, 0, 0, 0.3f, 0.3f, 0.3f, 0};
      Effect.DropShadow options = Effect.DropShadow.DEFAULTS.withOffset(1, 0).withBlur(0).withExpand(false);
      try (Image img = image(4, 1, px); Image black = Effect.dropShadow(img, options);
          Image red = Effect.dropShadow(img, options.withColor(new Rgba(1, 0, 0, 0.5f)))) {
        float[] b = Images.download(black);
        assertPixel(Rgba.WHITE, b, 4, 0, 0); // no shadow under the first pixel
        // Half-transparent white over the shadow of the opaque pixel (black, alpha 0.5):
        // αo = 0.5 + 0.5·(1 − 0.5) = 0.75, colour (1·0.5 + 0·0.5·0.5) / 0.75 = 2/3.
        assertPixel(new float[] {2f / 3, 2f / 3, 2f / 3, 0.75f}, b, 4, 1, 0, EPS);
        assertPixel(new float[] {0, 0, 0, 0.25f}, b, 4, 2, 0, 0f); // shadow of the half pixel: 0.5·0.5
        assertPixel(new float[4], b, 4, 3, 0, 0f); // shadow of a transparent pixel: nothing
        float[] r = Images.download(red);
        assertPixel(new float[] {1, 0, 0, 0.25f}, r, 4, 2, 0, 0f); // red, not (0.5, 0, 0)
        // The image over the red shadow: (1·0.5 + 1·0.5·0.5) / 0.75 = 1 in red, 2/3 in green and blue.
        assertPixel(new float[] {1, 2f / 3, 2f / 3, 0.75f}, r, 4, 1, 0, EPS);
      }
    }

    @Test
    void theBlurIsTheFiltersGaussianOnTheCanvas() {
      // A 1x1 opaque white image, blur 1 (sigma 1/3), offset (2, 0): canvas 5x3 with the silhouette at (1, 1);
      // w0 = 1/(1 + 2e), w1 = e/(1 + 2e), e = exp(−4.5). The blurred canvas is w0² at its centre, w0·w1 at
      // the four neighbours and w1² at the diagonals (the canvas edge repeats zeros), moved 2 to the right.
      double e = Math.exp(-4.5);
      double w0 = 1 / (1 + 2 * e);
      double w1 = e / (1 + 2 * e);
      Rgba color = new Rgba(0.2f, 0.4f, 0.6f, 0.8f);
      try (Image img = image(1, 1, Rgba.WHITE); Image out = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS
          .withOffset(2, 0).withBlur(1).withColor(color))) {
        assertEquals(List.of(5, 3), List.of(out.width(), out.height()));
        float[] o = Images.download(out);
        assertPixel(Rgba.WHITE, o, 5, 1, 1); // the image, with no shadow under it
        assertPixel(new float[] {0.2f, 0.4f, 0.6f, (float) (w0 * w0 * 0.8)}, o, 5, 3, 1, EPS);
        for (int[] p : new int[][] {{2, 1}, {4, 1}, {3, 0}, {3, 2}}) {
          assertPixel(new float[] {0.2f, 0.4f, 0.6f, (float) (w0 * w1 * 0.8)}, o, 5, p[0], p[1], EPS);
        }
        for (int[] p : new int[][] {{2, 0}, {4, 0}, {2, 2}, {4, 2}}) {
          assertPixel(new float[] {0.2f, 0.4f, 0.6f, (float) (w1 * w1 * 0.8)}, o, 5, p[0], p[1], EPS);
        }
        for (int[] p : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 2}}) {
          assertPixel(new float[4], o, 5, p[0], p[1], 0f);
        }
      }
    }

    @Test
    void matchesABlurOfTheAlphaCompositedWithBlendNormal() {
      // The same result through the public ops: the alpha blurred by Filter.gaussianBlur, coloured, and
      // composited with Blend.normal (the reference's steps, with the colour straight).
      Random random = new Random(7);
      int w = 9;
      int h = 7;
      float[] px = new float[w * h * 4];
      for (int i = 0; i < px.length; i++) {
        px[i] = random.nextFloat();
      }
      Rgba color = new Rgba(0.9f, 0.3f, 0.1f, 0.7f);
      int blur = 3;
      int ox = -2;
      int oy = 4;
      try (Image img = image(w, h, px); Image out = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS
          .withOffset(ox, oy).withBlur(blur).withColor(color))) {
        int ow = w + 2 * blur + 2;
        int oh = h + 2 * blur + 4;
        float[] canvas = new float[ow * oh * 4];
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int at = ((y + blur) * ow + x + blur + 2) * 4;
            Arrays.fill(canvas, at, at + 4, px[(y * w + x) * 4 + 3]);
          }
        }
        float[] expected;
        try (Image c = image(ow, oh, canvas); Image blurred = Filter.gaussianBlur(c, blur)) {
          float[] s = Images.download(blurred);
          for (int i = 0; i < s.length; i += 4) {
            s[i] = color.r();
            s[i + 1] = color.g();
            s[i + 2] = color.b();
            s[i + 3] *= color.a();
          }
          try (Image layer = image(ow, oh, s); Image result = image(ow, oh, Rgba.TRANSPARENT)) {
            Blend.normal(result, layer, Blend.Layer.DEFAULTS.withOffset(ox, oy));
            Blend.normal(result, img, Blend.Layer.DEFAULTS.withOffset(blur + 2, blur));
            expected = Images.download(result);
          }
        }
        assertArrayEquals(expected, Images.download(out)); // bit for bit
      }
    }

    @Test
    void theSourceIsNotChanged() {
      try (Image img = image(5, 5, new Rgba(0.3f, 0.6f, 0.9f, 0.6f))) {
        float[] before = Images.download(img);
        Effect.dropShadow(img).free();
        assertArrayEquals(before, Images.download(img));
      }
    }
  }

  @Nested
  class DropShadowBuffers {
    @Test
    void suppliedScratchBuffersAreResizedReusedAndGiveTheSameResult() {
      Effect.DropShadow options = Effect.DropShadow.DEFAULTS.withOffset(-3, 5).withBlur(4);
      try (Image img = image(6, 5, new Rgba(0.3f, 0.6f, 0.9f, 0.6f)); Image plain = Effect.dropShadow(img, options);
          Image shadow = new Image(400, 1, BackendKind.CPU); Image temp = new Image(20, 20, BackendKind.CPU);
          Image dst = new Image(30, 30, BackendKind.CPU)) {
        for (int round = 0; round < 2; round++) { // the second round reuses dirty buffers
          Effect.dropShadowInto(dst, img, options.withShadow(shadow).withTemp(temp));
          assertEquals(List.of(17, 18), List.of(dst.width(), dst.height()));
          assertEquals(List.of(17, 18), List.of(shadow.width(), shadow.height()));
          assertEquals(List.of(17, 18), List.of(temp.width(), temp.height()));
          assertArrayEquals(Images.download(plain), Images.download(dst));
        }
        try (Image again = Effect.dropShadow(img, options.withShadow(shadow))) {
          assertArrayEquals(Images.download(plain), Images.download(again));
        }
        // Blur 0 and a shadow that misses: the buffers are still sized to the result.
        Effect.dropShadow(img, options.withBlur(0).withTemp(temp)).free();
        assertEquals(List.of(9, 10), List.of(temp.width(), temp.height()));
        Effect.dropShadow(img, options.withOffset(50, 0).withExpand(false).withShadow(shadow)).free();
        assertEquals(List.of(6, 5), List.of(shadow.width(), shadow.height()));
      }
    }

    @Test
    void aTooSmallBufferIsRejectedBeforeAnyBufferIsResized() {
      Effect.DropShadow options = Effect.DropShadow.DEFAULTS.withBlur(2).withOffset(1, 1); // result 10 x 9
      try (Image img = image(5, 4, S); Image small = new Image(89, 1, BackendKind.CPU);
          Image big = new Image(90, 1, BackendKind.CPU); Image big2 = new Image(10, 9, BackendKind.CPU);
          Image dst = new Image(12, 12, BackendKind.CPU)) {
        for (Executable call : List.<Executable>of(
            () -> Effect.dropShadow(img, options.withShadow(small)),
            () -> Effect.dropShadow(img, options.withTemp(small)),
            () -> Effect.dropShadowInto(dst, img, options.withShadow(big).withTemp(small)),
            () -> Effect.dropShadowInto(dst, img, options.withShadow(small).withTemp(big)),
            () -> Effect.dropShadowInto(small, img, options.withShadow(big).withTemp(big2)))) {
          CapacityExceededException e = assertThrows(CapacityExceededException.class, call);
          assertTrue(e.getMessage().contains("exceed buffer capacity"), e.getMessage());
          assertEquals(List.of(12, 12), List.of(dst.width(), dst.height()));
          assertEquals(List.of(90, 1), List.of(big.width(), big.height()));
          assertEquals(List.of(10, 9), List.of(big2.width(), big2.height()));
          assertEquals(List.of(89, 1), List.of(small.width(), small.height()));
        }
        CapacityExceededException e = assertThrows(CapacityExceededException.class,
            () -> Effect.dropShadow(img, options.withTemp(small)));
        assertTrue(e.getMessage().contains("Effect.dropShadow: temp needs 10x9 (90 px)"), e.getMessage());
        Effect.dropShadowInto(dst, img, options.withShadow(big).withTemp(big2));
        assertEquals(List.of(10, 9), List.of(dst.width(), dst.height()));
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
    assertEquals(new Effect.ChromaKey(new Rgba(0, 1, 0, 1), 0.4f, 0.1f, 0.5f), Effect.ChromaKey.DEFAULTS);
    assertEquals(new Effect.ChromaKey(RED, 0.7f, 0.2f, 0f), Effect.ChromaKey.DEFAULTS.withKeyColor(RED)
        .withThreshold(0.7f).withSmoothness(0.2f).withSpillSuppression(0f));
    assertEquals(Effect.ChromaKey.DEFAULTS.withKeyColor(RED), Effect.ChromaKey.DEFAULTS.withKeyColor(1, 0, 0));
    assertEquals(new Effect.DropShadow(10, 10, 20, new Rgba(0, 0, 0, 0.5f), true, null, null),
        Effect.DropShadow.DEFAULTS);
    try (Image a = new Image(1, 1, BackendKind.CPU); Image b = new Image(1, 1, BackendKind.CPU)) {
      assertEquals(new Effect.DropShadow(-4, 7, 3, RED, false, a, b), Effect.DropShadow.DEFAULTS.withOffset(-4, 7)
          .withBlur(3).withColor(RED).withExpand(false).withShadow(a).withTemp(b));
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
          }, Effect::chromaKey, img -> Effect.dropShadow(img).free(),
          img -> {
            try (Image dst = new Image(60, 60, BackendKind.CPU)) {
              Effect.dropShadowInto(dst, img);
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
        assertThrows(IllegalStateException.class, () -> Effect.dropShadowInto(freed, img));
        assertThrows(IllegalStateException.class,
            () -> Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withShadow(freed)));
        assertThrows(IllegalStateException.class,
            () -> Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withTemp(freed)));
      }
      // Checked before the threshold-0 shortcut too.
      Image freed = new Image(2, 2, BackendKind.CPU);
      freed.free();
      assertThrows(IllegalStateException.class,
          () -> Effect.chromaKey(freed, Effect.ChromaKey.DEFAULTS.withThreshold(0)));
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
        assertThrows(NullPointerException.class, () -> Effect.chromaKey(img, null));
        assertThrows(NullPointerException.class,
            () -> Effect.chromaKey(img, Effect.ChromaKey.DEFAULTS.withKeyColor(null)));
        assertThrows(NullPointerException.class, () -> Effect.dropShadow(img, null));
        assertThrows(NullPointerException.class,
            () -> Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withColor(null)));
        assertThrows(NullPointerException.class, () -> Effect.dropShadowInto(null, img));
        assertThrows(NullPointerException.class, () -> Effect.dropShadowInto(dst, img, null));
      }
    }

    @Test
    void chromaKeyParametersMustBeFiniteAndInZeroToOne() {
      try (Image img = image(2, 2, S)) {
        Effect.ChromaKey d = Effect.ChromaKey.DEFAULTS;
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          assertRejected("Effect.chromaKey: threshold must be a finite number",
              () -> Effect.chromaKey(img, d.withThreshold(bad)));
          assertRejected("smoothness must be a finite number", () -> Effect.chromaKey(img, d.withSmoothness(bad)));
          assertRejected("spillSuppression must be a finite number",
              () -> Effect.chromaKey(img, d.withSpillSuppression(bad)));
          assertRejected("keyColor red must be a finite number",
              () -> Effect.chromaKey(img, d.withKeyColor(bad, 1, 0)));
          assertRejected("keyColor green must be a finite number",
              () -> Effect.chromaKey(img, d.withKeyColor(0, bad, 0)));
          assertRejected("keyColor blue must be a finite number",
              () -> Effect.chromaKey(img, d.withKeyColor(0, 1, bad)));
        }
        for (float bad : new float[] {-0.1f, 1.1f, -Float.MIN_VALUE}) {
          assertRejected("threshold must be in 0..1, got " + bad, () -> Effect.chromaKey(img, d.withThreshold(bad)));
          assertRejected("smoothness must be in 0..1, got " + bad, () -> Effect.chromaKey(img, d.withSmoothness(bad)));
          assertRejected("spillSuppression must be in 0..1, got " + bad,
              () -> Effect.chromaKey(img, d.withSpillSuppression(bad)));
        }
        // The key's alpha is ignored, whatever it is; key channels outside 0..1 are fine.
        Effect.chromaKey(img, d.withKeyColor(new Rgba(2, -1, 0.5f, Float.NaN)).withThreshold(1).withSmoothness(0)
            .withSpillSuppression(1));
      }
    }

    @Test
    void dropShadowBlurMustBeInZeroTo100() {
      try (Image img = image(2, 2, S); Image dst = new Image(300, 300, BackendKind.CPU)) {
        assertRejected("Effect.dropShadow: blur must be non-negative, got -1",
            () -> Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withBlur(-1)));
        assertRejected("Effect.dropShadowInto: blur too large (max 100), got 101",
            () -> Effect.dropShadowInto(dst, img, Effect.DropShadow.DEFAULTS.withBlur(101)));
        assertRejected("blur must be non-negative",
            () -> Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withBlur(Integer.MIN_VALUE)));
        Effect.dropShadowInto(dst, img, Effect.DropShadow.DEFAULTS.withBlur(100));
        assertEquals(List.of(212, 212), List.of(dst.width(), dst.height()));
      }
    }

    @Test
    void aShadowResultBeyond32768PixelsASideIsRejected() {
      try (Image img = image(32768, 1, S); Image small = image(4, 4, S)) {
        assertRejected("too large", () -> Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withBlur(0)
            .withOffset(1, 0)));
        assertRejected("too large", () -> Effect.dropShadow(small, Effect.DropShadow.DEFAULTS
            .withOffset(Integer.MAX_VALUE, 0)));
        assertRejected("too large", () -> Effect.dropShadow(small, Effect.DropShadow.DEFAULTS
            .withOffset(0, Integer.MIN_VALUE)));
        Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withBlur(2).withExpand(false)).free();
      }
    }

    @Test
    void dropShadowAliasingIsRejected() {
      try (Image img = image(4, 4, S); Image dst = new Image(60, 60, BackendKind.CPU);
          Image scratch = new Image(60, 60, BackendKind.CPU)) {
        Effect.DropShadow d = Effect.DropShadow.DEFAULTS;
        for (Executable call : List.<Executable>of(
            () -> Effect.dropShadowInto(img, img),
            () -> Effect.dropShadow(img, d.withShadow(img)),
            () -> Effect.dropShadow(img, d.withTemp(img)),
            () -> Effect.dropShadow(img, d.withShadow(scratch).withTemp(scratch)),
            () -> Effect.dropShadowInto(dst, img, d.withShadow(dst)),
            () -> Effect.dropShadowInto(dst, img, d.withTemp(dst)))) {
          assertRejected("must be different images", call);
        }
        assertEquals(60, dst.width());
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
        assertThrows(IllegalArgumentException.class,
            () -> Effect.chromaKey(img, Effect.ChromaKey.DEFAULTS.withKeyColor(S).withSmoothness(Float.NaN)));
        for (int p = 0; p < 16; p++) {
          assertPixel(S, Images.download(img), 4, p % 4, p / 4);
        }
      }
    }
  }
}
