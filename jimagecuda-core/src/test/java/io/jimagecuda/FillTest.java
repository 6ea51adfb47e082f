package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.internal.cpu.Px;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Fill} on the CPU backend: pixels worked out by hand from the formulas of spec §3.1, and every error. */
class FillTest {
  private static final Rgba A = new Rgba(0.1f, 0.2f, 0.3f, 0.4f);
  private static final Rgba B = new Rgba(0.9f, 0.7f, 0.5f, 1f);
  private static final Rgba BLACK0 = new Rgba(0, 0, 0, 0);
  private static final Rgba ONES = new Rgba(1, 1, 1, 1);
  private static final float EPS = 1e-6f;

  /** Runs {@code fill} on a new {@code w × h} CPU image and returns its pixels. */
  private static float[] render(int w, int h, Consumer<Image> fill) {
    try (Image img = new Image(w, h, BackendKind.CPU)) {
      fill.accept(img);
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

  /** {@code p·(1 − t) + q·t} per channel, in double. */
  private static float[] mix(Rgba p, Rgba q, double t) {
    float[] a = p.toArray();
    float[] b = q.toArray();
    float[] out = new float[4];
    for (int c = 0; c < 4; c++) {
      out[c] = (float) (a[c] * (1 - t) + b[c] * t);
    }
    return out;
  }

  private static double smoothstep(double e0, double e1, double v) {
    double t = Math.min(Math.max((v - e0) / (e1 - e0), 0), 1);
    return t * t * (3 - 2 * t);
  }

  /** The 8-bit value the float→8-bit conversion gives. */
  private static int u8(float v) {
    return Px.toU8(v);
  }

  private static void assertRejected(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
  }

  @Nested
  class ColorFill {
    @Test
    void writesEveryPixelVerbatimIncludingOutOfRangeValues() {
      Rgba odd = new Rgba(2f, -1f, 1e30f, 0.5f);
      float[] px = render(3, 2, img -> Fill.color(img, odd));
      for (int i = 0; i < px.length; i += 4) {
        assertEquals(2f, px[i]);
        assertEquals(-1f, px[i + 1]);
        assertEquals(1e30f, px[i + 2]);
        assertEquals(0.5f, px[i + 3]);
      }
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheChannel() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Fill.color(img, new Rgba(0, Float.NaN, 0, 1)));
        assertTrue(e.getMessage().startsWith("Fill.color: rgba green must be a finite number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fill.color(img, new Rgba(0, 0, 0, Float.NEGATIVE_INFINITY)));
      }
    }

    @Test
    void fillsOnlyTheLogicalArea() {
      try (Image img = new Image(4, 4, BackendKind.CPU)) {
        img.setLogicalSize(2, 3);
        Fill.color(img, B);
        img.setLogicalSize(4, 4);
        float[] px = Images.download(img);
        for (int p = 0; p < 16; p++) {
          float[] expected = p < 6 ? B.toArray() : new float[4];
          assertArrayEquals(expected, pixel(px, 4, p % 4, p / 4), "pixel " + p);
        }
      }
    }
  }

  @Nested
  class Gradient {
    @Test
    void horizontalRunsFromColor1AtTheLeftToColor2AtTheRight() {
      float[] px = render(5, 2, img -> Fill.gradient(img, A, B));
      for (int x = 0; x < 5; x++) {
        assertPixel(mix(A, B, x / 4.0), px, 5, x, 1, EPS);
      }
      assertPixel(A, px, 5, 0, 0);
      assertPixel(B, px, 5, 4, 0);
    }

    @Test
    void verticalRunsFromTopToBottom() {
      float[] px = render(2, 3, img -> Fill.gradient(img, A, B, GradientDirection.VERTICAL));
      assertPixel(A, px, 2, 1, 0);
      assertPixel(mix(A, B, 0.5), px, 2, 1, 1, EPS);
      assertPixel(B, px, 2, 0, 2);
    }

    @Test
    void diagonalAveragesBothAxes() {
      float[] px = render(3, 3, img -> Fill.gradient(img, A, B, GradientDirection.DIAGONAL));
      assertPixel(A, px, 3, 0, 0);
      assertPixel(B, px, 3, 2, 2);
      assertPixel(mix(A, B, 0.5), px, 3, 2, 0, EPS);
      assertPixel(mix(A, B, 0.5), px, 3, 1, 1, EPS);
      assertPixel(mix(A, B, 0.75), px, 3, 2, 1, EPS);
    }

    @Test
    void radialIsColor1AtTheCentreAndColor2AtTheCorners() {
      float[] px = render(3, 3, img -> Fill.gradient(img, A, B, GradientDirection.RADIAL));
      assertPixel(A, px, 3, 1, 1);
      for (int[] corner : new int[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}}) {
        assertPixel(B.toArray(), px, 3, corner[0], corner[1], EPS);
      }
      assertPixel(mix(A, B, Math.sqrt(0.5)), px, 3, 1, 0, EPS);
    }

    @Test
    void radialIsEllipticalOnNonSquareImages() {
      float[] px = render(5, 3, img -> Fill.gradient(img, A, B, GradientDirection.RADIAL));
      assertPixel(mix(A, B, Math.sqrt(0.5)), px, 5, 4, 1, EPS); // right edge: nx = 0.5
      assertPixel(mix(A, B, Math.sqrt(0.5)), px, 5, 2, 0, EPS); // top edge: ny = 0.5
    }

    @Test
    void seamlessFoldsIntoATriangleWave() {
      float[] px = render(5, 1, img -> Fill.gradient(img, A, B, new Fill.Gradient(GradientDirection.HORIZONTAL, true)));
      double[] weights = {0, 0.5, 1, 0.5, 0};
      for (int x = 0; x < 5; x++) {
        assertPixel(mix(A, B, weights[x]), px, 5, x, 0, EPS);
      }
    }

    @Test
    void aOnePixelSideGivesTheMidpointAlongThatSide() {
      float[] row = render(1, 4, img -> Fill.gradient(img, A, B));
      float[] column = render(4, 1, img -> Fill.gradient(img, A, B, GradientDirection.VERTICAL));
      float[] diagonal = render(4, 1, img -> Fill.gradient(img, A, B, GradientDirection.DIAGONAL));
      float[] single = render(1, 1, img -> Fill.gradient(img, A, B, GradientDirection.RADIAL));
      for (int i = 0; i < 4; i++) {
        assertPixel(mix(A, B, 0.5), row, 1, 0, i, EPS);
        assertPixel(mix(A, B, 0.5), column, 4, i, 0, EPS);
        assertPixel(mix(A, B, 0.5), diagonal, 4, i, 0, EPS);
      }
      assertPixel(A, single, 1, 0, 0);
    }
  }

  @Nested
  class Checkerboard {
    @Test
    void topLeftSquareIsColor1AndSquaresAlternate() {
      float[] px = render(4, 4, img -> Fill.checkerboard(img, new Fill.Checkerboard(2, A, B, 0, 0)));
      assertPixel(A, px, 4, 0, 0);
      assertPixel(A, px, 4, 1, 1);
      assertPixel(B, px, 4, 2, 0);
      assertPixel(B, px, 4, 1, 3);
      assertPixel(A, px, 4, 3, 3);
    }

    @Test
    void positiveOffsetsMoveThePatternLeftAndUp() {
      float[] px = render(4, 4, img -> Fill.checkerboard(img, new Fill.Checkerboard(2, A, B, 1, 0)));
      assertPixel(A, px, 4, 0, 0);
      assertPixel(B, px, 4, 1, 0);
      assertPixel(B, px, 4, 2, 0);
      assertPixel(A, px, 4, 3, 0);
    }

    @Test
    void negativeOffsetsKeepEverySquareFullSize() {
      // The reference puts sample -size in cell -2 (spec §5.7), so its first square left of the
      // origin is one pixel narrow; floor division keeps it size pixels wide (docs/deviations.md).
      float[] px = render(6, 1, img -> Fill.checkerboard(img, new Fill.Checkerboard(3, A, B, -3, 0)));
      for (int x = 0; x < 3; x++) {
        assertPixel(B, px, 6, x, 0);
        assertPixel(A, px, 6, x + 3, 0);
      }
    }

    @Test
    void defaultsAreGrey20PixelSquares() {
      float[] px = render(41, 1, Fill::checkerboard);
      assertPixel(new Rgba(0.8f, 0.8f, 0.8f, 1), px, 41, 19, 0);
      assertPixel(new Rgba(0.5f, 0.5f, 0.5f, 1), px, 41, 20, 0);
      assertPixel(new Rgba(0.8f, 0.8f, 0.8f, 1), px, 41, 40, 0);
    }
  }

  @Nested
  class Grid {
    @Test
    void linesSitOnTheLeftAndTopEdgeOfEachCell() {
      float[] px = render(8, 8, img -> Fill.grid(img, new Fill.Grid(4, 1, A, B, 0, 0)));
      assertPixel(A, px, 8, 0, 3);
      assertPixel(A, px, 8, 4, 5);
      assertPixel(A, px, 8, 5, 4);
      assertPixel(B, px, 8, 1, 1);
      assertPixel(B, px, 8, 7, 7);
    }

    @Test
    void offsetsOfEitherSignShiftTheLines() {
      float[] left = render(8, 1, img -> Fill.grid(img, new Fill.Grid(4, 1, A, B, 1, 1)));
      float[] right = render(8, 1, img -> Fill.grid(img, new Fill.Grid(4, 1, A, B, -1, 1)));
      assertPixel(A, left, 8, 3, 0);
      assertPixel(B, left, 8, 0, 0);
      assertPixel(A, right, 8, 1, 0);
      assertPixel(B, right, 8, 0, 0);
    }

    @Test
    void lineWidthAtLeastSpacingFillsEverything() {
      float[] px = render(5, 5, img -> Fill.grid(img, new Fill.Grid(3, 3, A, B, 0, 0)));
      for (int i = 0; i < 25; i++) {
        assertPixel(A, px, 5, i % 5, i / 5);
      }
    }
  }

  @Nested
  class Stripes {
    @Test
    void angleZeroGivesVerticalBandsWithAntialiasedEdges() {
      float[] px = render(12, 2, img -> Fill.stripes(img, new Fill.Stripes(0, 10, 5, A, B, 0)));
      assertPixel(B, px, 12, 0, 1); // smoothstep(0, 1, 0) = 0: the period starts with colour 2
      assertPixel(A, px, 12, 1, 1);
      assertPixel(A, px, 12, 4, 0);
      assertPixel(mix(B, A, 0.5), px, 12, 5, 0, EPS); // 1 − smoothstep(4, 6, 5) = 0.5
      assertPixel(B, px, 12, 6, 0);
      assertPixel(B, px, 12, 9, 0);
      assertPixel(B, px, 12, 10, 0);
      assertPixel(A, px, 12, 11, 1);
    }

    @Test
    void angle90GivesHorizontalBands() {
      float[] px = render(3, 3, img -> Fill.stripes(img, new Fill.Stripes(90, 10, 5, A, B, 0)));
      for (int x = 0; x < 3; x++) {
        assertPixel(B.toArray(), px, 3, x, 0, 1e-5f);
        assertPixel(A.toArray(), px, 3, x, 2, 1e-5f);
      }
    }

    @Test
    void offsetShiftsAlongThePeriod() {
      float[] px = render(2, 1, img -> Fill.stripes(img, new Fill.Stripes(0, 10, 5, A, B, 1)));
      assertPixel(A, px, 2, 0, 0);
    }

    @Test
    void bandsAsWideAsThePeriodKeepAOnePixelSeam() {
      float[] px = render(12, 1, img -> Fill.stripes(img, new Fill.Stripes(0, 10, 12, A, B, 0)));
      assertPixel(B, px, 12, 0, 0);
      assertPixel(A, px, 12, 5, 0);
      assertPixel(B, px, 12, 10, 0);
    }
  }

  @Nested
  class Dots {
    @Test
    void oneDotPerCellCentredAtHalfTheSpacing() {
      float[] px = render(20, 10, img -> Fill.dots(img, new Fill.Dots(10, 3, A, B, 0, 0, 0)));
      assertPixel(A, px, 20, 5, 5);
      assertPixel(A, px, 20, 15, 5);
      assertPixel(B, px, 20, 0, 0);
      assertPixel(B, px, 20, 10, 5);
      assertPixel(mix(B, A, 0.5), px, 20, 8, 5, EPS); // distance 3 = radius: half way
      assertPixel(mix(B, A, 0.5), px, 20, 5, 2, EPS);
    }

    @Test
    void offsetsMoveTheDotsRightAndDown() {
      float[] px = render(10, 10, img -> Fill.dots(img, new Fill.Dots(10, 2, A, B, 2, -3, 0)));
      assertPixel(A, px, 10, 7, 2);
      assertPixel(B, px, 10, 5, 5);
    }

    @Test
    void softnessWidensTheEdgeToSoftnessTimesRadius() {
      float[] px = render(10, 10, img -> Fill.dots(img, new Fill.Dots(10, 4, A, B, 0, 0, 0.5f)));
      for (int x = 5; x < 10; x++) {
        double t = 1 - smoothstep(2, 6, x - 5);
        assertPixel(mix(B, A, t), px, 10, x, 5, EPS);
      }
    }
  }

  @Nested
  class Circle {
    @Test
    void discOfRadiusHalfTheShorterSideCentredAtHalfTheSize() {
      float[] px = render(4, 6, img -> Fill.circle(img, new Fill.Circle(A, B, 0)));
      assertPixel(A, px, 4, 2, 3);
      assertPixel(B, px, 4, 0, 0);
      assertPixel(mix(B, A, 0.5), px, 4, 0, 3, EPS); // distance 2 = R
      assertPixel(mix(B, A, 1 - smoothstep(1.5, 2.5, Math.sqrt(5))), px, 4, 1, 1, EPS);
    }

    @Test
    void softnessOneFadesFromTheCentreToTwiceTheRadius() {
      float[] px = render(8, 8, img -> Fill.circle(img, new Fill.Circle(A, B, 1)));
      for (int x = 4; x < 8; x++) {
        assertPixel(mix(B, A, 1 - smoothstep(0, 8, x - 4)), px, 8, x, 4, EPS);
      }
    }

    @Test
    void onePixelImage() {
      float[] px = render(1, 1, img -> Fill.circle(img, new Fill.Circle(A, B, 0)));
      assertPixel(mix(B, A, 1 - smoothstep(0, 1, Math.sqrt(0.5))), px, 1, 0, 0, EPS);
    }

    @Test
    void isSymmetricAboutItsCentre() {
      float[] px = render(9, 7, img -> Fill.circle(img, new Fill.Circle(A, B, 0.3f)));
      // centre (4.5, 3.5): pixel x mirrors to 9 − x, y to 7 − y
      for (int y = 1; y < 7; y++) {
        for (int x = 1; x < 9; x++) {
          assertPixel(pixel(px, 9, x, y), px, 9, 9 - x, 7 - y, EPS);
        }
      }
    }
  }

  @Nested
  class Noise {
    @Test
    void originHashesToZeroAndAlphaIsOne() {
      float[] px = render(2, 1, img -> Fill.noise(img, new Fill.Noise(0, true)));
      assertPixel(new float[] {0, 0, 0, 1}, px, 2, 0, 0, 0f);
      double n = Math.sin(12.9898f) * 43758.5453;
      double expected = n - Math.floor(n);
      assertEquals(expected, pixel(px, 2, 1, 0)[0], 0.01);
    }

    @Test
    void monochromeIsGreyAndValuesLieIn01() {
      float[] px = render(64, 64, img -> Fill.noise(img, new Fill.Noise(7, true)));
      for (int i = 0; i < px.length; i += 4) {
        assertTrue(px[i] >= 0 && px[i] < 1, "value " + px[i]);
        assertEquals(px[i], px[i + 1]);
        assertEquals(px[i], px[i + 2]);
        assertEquals(1f, px[i + 3]);
      }
    }

    @Test
    void colourChannelsUseSeedsPlusOneAndTwo() {
      float[] rgb = render(16, 16, img -> Fill.noise(img, new Fill.Noise(5, false)));
      float[] s6 = render(16, 16, img -> Fill.noise(img, new Fill.Noise(6, true)));
      float[] s7 = render(16, 16, img -> Fill.noise(img, new Fill.Noise(7, true)));
      for (int i = 0; i < rgb.length; i += 4) {
        assertEquals(s6[i], rgb[i + 1]);
        assertEquals(s7[i], rgb[i + 2]);
      }
    }

    @Test
    void sameSeedSameImageOtherSeedOtherImage() {
      float[] a = render(32, 8, Fill::noise);
      float[] b = render(32, 8, img -> Fill.noise(img, new Fill.Noise(0, true)));
      float[] c = render(32, 8, img -> Fill.noise(img, new Fill.Noise(1, true)));
      assertArrayEquals(a, b);
      assertNotEquals(a[100], c[100]);
    }

    @Test
    void reproducesPyImageCudaSamples() {
      // 8-bit values of the reference's fill_noise_mono / fill_noise_rgb images (512 × 512, seed 42).
      float[] mono = render(512, 512, img -> Fill.noise(img, new Fill.Noise(42, true)));
      float[] rgb = render(512, 512, img -> Fill.noise(img, new Fill.Noise(42, false)));
      int[][] monoSamples = {{0, 0, 89}, {1, 0, 144}, {300, 200, 136}, {511, 511, 8}};
      for (int[] s : monoSamples) {
        assertEquals(s[2], u8(pixel(mono, 512, s[0], s[1])[0]), "mono pixel " + s[0] + "," + s[1]);
      }
      int[][] rgbSamples = {{1, 0, 144, 9, 73}, {300, 200, 136, 199, 114}, {511, 511, 8, 198, 195}};
      for (int[] s : rgbSamples) {
        float[] p = pixel(rgb, 512, s[0], s[1]);
        assertArrayEquals(new int[] {s[2], s[3], s[4]}, new int[] {u8(p[0]), u8(p[1]), u8(p[2])},
            "rgb pixel " + s[0] + "," + s[1]);
      }
    }
  }

  @Nested
  class Perlin {
    @Test
    void latticePointsAreHalfWayBetweenTheColours() {
      // At integer lattice coordinates every corner offset is 0 or the fade weight is 0, so N = 0.
      float[] px = render(9, 9, img -> Fill.perlin(img, new Fill.Perlin(4, 3, 3, 0.5f, 2, 0, 0, A, B)));
      for (int y = 0; y < 9; y += 4) {
        for (int x = 0; x < 9; x += 4) {
          assertPixel(mix(A, B, 0.5), px, 9, x, y, EPS);
        }
      }
    }

    @Test
    void staysStrictlyBetweenTheColours() {
      float[] px = render(128, 128, Fill::perlin);
      float min = 1;
      float max = 0;
      for (int i = 0; i < px.length; i += 4) {
        min = Math.min(min, px[i]);
        max = Math.max(max, px[i]);
        assertEquals(px[i], px[i + 1]);
        assertEquals(1f, px[i + 3]);
      }
      assertTrue(min > 0.146f && max < 0.854f, "range " + min + " .. " + max);
      assertTrue(max - min > 0.2f, "range " + min + " .. " + max);
    }

    @Test
    void offsetsShiftThePattern() {
      float[] base = render(20, 10, img -> Fill.perlin(img, new Fill.Perlin(8, 1, 2, 0.5f, 2, 0, 0, A, B)));
      float[] shifted = render(10, 10, img -> Fill.perlin(img, new Fill.Perlin(8, 1, 2, 0.5f, 2, 10, 0, A, B)));
      for (int y = 0; y < 10; y++) {
        for (int x = 0; x < 10; x++) {
          assertPixel(pixel(base, 20, x + 10, y), shifted, 10, x, y, 0f);
        }
      }
    }

    @Test
    void reproducesPyImageCudaSamples() {
      // 8-bit values of the reference's fill_perlin_detailed and fill_perlin_simple images (512 × 512).
      float[] detailed = render(512, 512, img -> Fill.perlin(img, new Fill.Perlin(100, 42, 6, 0.5f, 2, 0, 0,
          new Rgba(0.1f, 0.2f, 0.4f, 1), new Rgba(0.9f, 0.8f, 0.6f, 1))));
      float[] simple = render(512, 512, img -> Fill.perlin(img, Fill.Perlin.DEFAULTS.withScale(80)));
      int[][] detailedSamples = {{0, 0, 128, 128, 128}, {137, 411, 116, 119, 125}, {511, 511, 131, 130, 128}};
      for (int[] s : detailedSamples) {
        float[] p = pixel(detailed, 512, s[0], s[1]);
        assertArrayEquals(new int[] {s[2], s[3], s[4]}, new int[] {u8(p[0]), u8(p[1]), u8(p[2])},
            "detailed pixel " + s[0] + "," + s[1]);
      }
      int[][] simpleSamples = {{40, 0, 130}, {255, 255, 164}, {511, 3, 72}};
      for (int[] s : simpleSamples) {
        assertEquals(s[2], u8(pixel(simple, 512, s[0], s[1])[0]), "simple pixel " + s[0] + "," + s[1]);
      }
    }
  }

  @Nested
  class Ngon {
    @Test
    void squareHasAxisAlignedEdgesAtTheApothem() {
      float[] px = render(8, 8, img -> Fill.ngon(img, new Fill.Ngon(4, A, B, 0, 0)));
      double apothem = 4 * Math.cos(Math.PI / 4);
      assertPixel(A, px, 8, 4, 4);
      assertPixel(A, px, 8, 6, 6);
      assertPixel(B, px, 8, 0, 0);
      assertPixel(mix(B, A, 1 - smoothstep(-0.5, 0.5, 3 - apothem)), px, 8, 4, 7, 1e-5f);
      assertPixel(mix(B, A, 1 - smoothstep(-0.5, 0.5, 3 - apothem)), px, 8, 1, 4, 1e-5f);
    }

    @Test
    void triangleHasAFlatBottomAndItsApexAtTheTop() {
      float[] px = render(100, 100, img -> Fill.ngon(img, new Fill.Ngon(3, A, B, 0, 0)));
      assertPixel(A, px, 100, 50, 2);
      assertPixel(A, px, 100, 50, 74); // bottom edge at y = 50 + R·cos(60°) = 75
      assertPixel(B, px, 100, 50, 76);
      assertPixel(B, px, 100, 5, 5);
      for (int y = 0; y < 100; y += 3) {
        for (int d = 1; d < 50; d += 4) {
          assertPixel(pixel(px, 100, 50 - d, y), px, 100, 50 + d, y, 1e-5f);
        }
      }
    }

    @Test
    void positiveRotationTurnsClockwise() {
      float[] px = render(100, 100, img -> Fill.ngon(img, new Fill.Ngon(3, A, B, 90, 0)));
      assertPixel(A, px, 100, 97, 50); // apex now points right
      assertPixel(A, px, 100, 26, 50);
      assertPixel(B, px, 100, 24, 50);
      float[] flipped = render(100, 100, img -> Fill.ngon(img, new Fill.Ngon(3, A, B, 180, 0)));
      assertPixel(A, flipped, 100, 50, 97);
      assertPixel(B, flipped, 100, 50, 24);
    }

    @Test
    void softnessWidensTheEdge() {
      float[] px = render(8, 8, img -> Fill.ngon(img, new Fill.Ngon(4, A, B, 0, 0.25f)));
      double apothem = 4 * Math.cos(Math.PI / 4);
      assertPixel(mix(B, A, 1 - smoothstep(-1, 1, 3 - apothem)), px, 8, 4, 7, 1e-5f);
    }
  }

  @Test
  void everyFillWorksOnOnePixelAndOneRowOrColumnImages() {
    for (int[] size : new int[][] {{1, 1}, {1, 7}, {7, 1}}) {
      for (Consumer<Image> fill : defaults()) {
        float[] px = render(size[0], size[1], fill);
        for (float v : px) {
          assertTrue(Float.isFinite(v), "non-finite value on " + size[0] + "x" + size[1]);
        }
      }
    }
  }

  /** The options records: the reference's defaults (spec §3.1), copies that change one component, overloads. */
  @Nested
  class Options {
    private static final Rgba LIGHT = new Rgba(0.8f, 0.8f, 0.8f, 1);
    private static final Rgba GREY = new Rgba(0.5f, 0.5f, 0.5f, 1);

    @Test
    void defaultsAreTheReferenceDefaults() {
      assertEquals(new Fill.Gradient(GradientDirection.HORIZONTAL, false), Fill.Gradient.DEFAULTS);
      assertEquals(new Fill.Checkerboard(20, LIGHT, GREY, 0, 0), Fill.Checkerboard.DEFAULTS);
      assertEquals(new Fill.Grid(50, 1, GREY, Rgba.TRANSPARENT, 0, 0), Fill.Grid.DEFAULTS);
      assertEquals(new Fill.Stripes(45, 40, 20, Rgba.WHITE, Rgba.TRANSPARENT, 0), Fill.Stripes.DEFAULTS);
      assertEquals(new Fill.Dots(40, 10, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0, 0), Fill.Dots.DEFAULTS);
      assertEquals(new Fill.Circle(Rgba.WHITE, Rgba.TRANSPARENT, 0), Fill.Circle.DEFAULTS);
      assertEquals(new Fill.Noise(0, true), Fill.Noise.DEFAULTS);
      assertEquals(new Fill.Perlin(50, 0, 1, 0.5f, 2, 0, 0, Rgba.BLACK, Rgba.WHITE), Fill.Perlin.DEFAULTS);
      assertEquals(new Fill.Ngon(3, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0), Fill.Ngon.DEFAULTS);
    }

    @Test
    void withMethodsChangeOnlyTheirComponent() {
      assertEquals(new Fill.Gradient(GradientDirection.RADIAL, true),
          Fill.Gradient.DEFAULTS.withDirection(GradientDirection.RADIAL).withSeamless(true));
      assertEquals(new Fill.Checkerboard(4, A, B, -3, 5),
          Fill.Checkerboard.DEFAULTS.withSize(4).withColors(A, B).withOffset(-3, 5));
      assertEquals(new Fill.Checkerboard(20, A, B, -3, 5),
          Fill.Checkerboard.DEFAULTS.withColor1(A).withColor2(B).withOffsetX(-3).withOffsetY(5));
      assertEquals(new Fill.Grid(7, 2, A, B, 1, 2), Fill.Grid.DEFAULTS.withSpacing(7).withLineWidth(2)
          .withColor(A).withBgColor(B).withOffsetX(1).withOffsetY(2));
      assertEquals(new Fill.Grid(50, 1, GREY, Rgba.TRANSPARENT, 1, 2), Fill.Grid.DEFAULTS.withOffset(1, 2));
      assertEquals(new Fill.Stripes(10, 8, 3, A, B, 2), Fill.Stripes.DEFAULTS.withAngle(10).withSpacing(8)
          .withWidth(3).withColor1(A).withColor2(B).withOffset(2));
      assertEquals(new Fill.Stripes(45, 40, 20, A, B, 0), Fill.Stripes.DEFAULTS.withColors(A, B));
      assertEquals(new Fill.Dots(9, 2, A, B, 3, 4, 0.5f), Fill.Dots.DEFAULTS.withSpacing(9).withRadius(2)
          .withColor(A).withBgColor(B).withOffsetX(3).withOffsetY(4).withSoftness(0.5f));
      assertEquals(new Fill.Dots(40, 10, Rgba.WHITE, Rgba.TRANSPARENT, 3, 4, 0), Fill.Dots.DEFAULTS.withOffset(3, 4));
      assertEquals(new Fill.Circle(A, B, 0.25f),
          Fill.Circle.DEFAULTS.withColor(A).withBgColor(B).withSoftness(0.25f));
      assertEquals(new Fill.Noise(3, false), Fill.Noise.DEFAULTS.withSeed(3).withMonochrome(false));
      assertEquals(new Fill.Perlin(80, 1, 6, 0.4f, 3, 5, 6, A, B), Fill.Perlin.DEFAULTS.withScale(80).withSeed(1)
          .withOctaves(6).withPersistence(0.4f).withLacunarity(3).withOffsetX(5).withOffsetY(6).withColor1(A)
          .withColor2(B));
      assertEquals(new Fill.Perlin(50, 0, 1, 0.5f, 2, 5, 6, A, B),
          Fill.Perlin.DEFAULTS.withOffset(5, 6).withColors(A, B));
      assertEquals(new Fill.Ngon(5, A, B, 30, 0.1f), Fill.Ngon.DEFAULTS.withSides(5).withColor(A).withBgColor(B)
          .withRotation(30).withSoftness(0.1f));
      assertEquals(50, Fill.Perlin.DEFAULTS.scale(), "DEFAULTS itself is unchanged");
    }

    @Test
    void shortOverloadsAreTheirOptionsRecord() {
      assertArrayEquals(render(9, 7, img -> Fill.gradient(img, A, B, Fill.Gradient.DEFAULTS)),
          render(9, 7, img -> Fill.gradient(img, A, B)));
      assertArrayEquals(render(9, 7, img -> Fill.gradient(img, A, B, new Fill.Gradient(GradientDirection.RADIAL,
          false))), render(9, 7, img -> Fill.gradient(img, A, B, GradientDirection.RADIAL)));
      assertArrayEquals(render(9, 7, img -> Fill.checkerboard(img, new Fill.Checkerboard(3, LIGHT, GREY, 0, 0))),
          render(9, 7, img -> Fill.checkerboard(img, 3)));
      assertArrayEquals(render(9, 7, img -> Fill.noise(img, new Fill.Noise(5, true))),
          render(9, 7, img -> Fill.noise(img, 5)));
      assertArrayEquals(render(9, 7, img -> Fill.ngon(img, new Fill.Ngon(6, Rgba.WHITE, Rgba.TRANSPARENT, 0, 0))),
          render(9, 7, img -> Fill.ngon(img, 6)));
      assertArrayEquals(render(9, 7, img -> Fill.perlin(img, Fill.Perlin.DEFAULTS)), render(9, 7, Fill::perlin));
      assertArrayEquals(render(9, 7, img -> Fill.grid(img, Fill.Grid.DEFAULTS)), render(9, 7, Fill::grid));
      assertArrayEquals(render(9, 7, img -> Fill.stripes(img, Fill.Stripes.DEFAULTS)), render(9, 7, Fill::stripes));
      assertArrayEquals(render(9, 7, img -> Fill.dots(img, Fill.Dots.DEFAULTS)), render(9, 7, Fill::dots));
      assertArrayEquals(render(9, 7, img -> Fill.circle(img, Fill.Circle.DEFAULTS)), render(9, 7, Fill::circle));
    }

    @Test
    void nullOptionsAreRejectedNamingTheOp() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        List<Executable> calls = List.of(() -> Fill.gradient(img, A, B, (Fill.Gradient) null),
            () -> Fill.checkerboard(img, null), () -> Fill.grid(img, null), () -> Fill.stripes(img, null),
            () -> Fill.dots(img, null), () -> Fill.circle(img, null), () -> Fill.noise(img, null),
            () -> Fill.perlin(img, null), () -> Fill.ngon(img, null));
        for (Executable call : calls) {
          NullPointerException e = assertThrows(NullPointerException.class, call);
          assertTrue(e.getMessage().matches("Fill\\.[a-z]+: options is null"), e.getMessage());
        }
      }
    }
  }

  /** Every fill with its short overload (colour and gradient with fixed colours). */
  private static List<Consumer<Image>> defaults() {
    return List.of(img -> Fill.color(img, A), img -> Fill.gradient(img, A, B), Fill::checkerboard, Fill::grid,
        Fill::stripes, Fill::dots, Fill::circle, Fill::noise, Fill::perlin, Fill::ngon);
  }

  @Nested
  class Errors {
    @Test
    void freedImageIsRejectedByEveryFill() {
      for (Consumer<Image> fill : defaults()) {
        Image img = new Image(2, 2, BackendKind.CPU);
        img.free();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fill.accept(img));
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
      }
    }

    @Test
    void nullImageIsRejectedByEveryFill() {
      for (Consumer<Image> fill : defaults()) {
        assertThrows(NullPointerException.class, () -> fill.accept(null));
      }
    }

    @Test
    void nullColoursAndDirectionAreRejected() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        assertThrows(NullPointerException.class, () -> Fill.color(img, null));
        assertThrows(NullPointerException.class, () -> Fill.gradient(img, null, B));
        assertThrows(NullPointerException.class, () -> Fill.gradient(img, A, null));
        assertThrows(NullPointerException.class, () -> Fill.gradient(img, A, B, new Fill.Gradient(null, false)));
        assertThrows(NullPointerException.class, () -> Fill.checkerboard(img, new Fill.Checkerboard(2, A, null, 0, 0)));
        assertThrows(NullPointerException.class, () -> Fill.grid(img, new Fill.Grid(2, 1, null, B, 0, 0)));
        assertThrows(NullPointerException.class, () -> Fill.stripes(img, new Fill.Stripes(0, 2, 1, A, null, 0)));
        assertThrows(NullPointerException.class, () -> Fill.dots(img, new Fill.Dots(2, 1, null, B, 0, 0, 0)));
        assertThrows(NullPointerException.class, () -> Fill.circle(img, new Fill.Circle(A, null, 0)));
        assertThrows(NullPointerException.class, () -> Fill.perlin(img, Fill.Perlin.DEFAULTS.withColor1(null)));
        assertThrows(NullPointerException.class, () -> Fill.ngon(img, new Fill.Ngon(3, null, B, 0, 0)));
      }
    }

    @Test
    void nonPositiveSizesAreRejectedWithTheReferenceFragment() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        assertRejected("size must be positive", () -> Fill.checkerboard(img, new Fill.Checkerboard(0, A, B, 0, 0)));
        assertRejected("spacing must be positive", () -> Fill.grid(img, new Fill.Grid(-1, 1, A, B, 0, 0)));
        assertRejected("lineWidth must be positive", () -> Fill.grid(img, new Fill.Grid(4, 0, A, B, 0, 0)));
        assertRejected("spacing must be positive", () -> Fill.stripes(img, new Fill.Stripes(0, 0, 1, A, B, 0)));
        assertRejected("spacing must be positive", () -> Fill.dots(img, new Fill.Dots(0, 1, A, B, 0, 0, 0)));
        assertRejected("scale must be positive", () -> Fill.perlin(img, new Fill.Perlin(0, 0, 1, 0.5f, 2, 0, 0, A, B)));
        assertRejected("scale must be positive", () -> Fill.perlin(img, Fill.Perlin.DEFAULTS.withScale(-2)));
        assertRejected("scale must be positive",
            () -> Fill.perlin(img, new Fill.Perlin(Float.NaN, 0, 1, 0.5f, 2, 0, 0, A, B)));
      }
    }

    @Test
    void octavesOutsideOneTo32AreRejected() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        assertRejected("octaves must be in 1..32", () -> Fill.perlin(img, Fill.Perlin.DEFAULTS.withOctaves(0)));
        assertRejected("octaves must be in 1..32", () -> Fill.perlin(img, Fill.Perlin.DEFAULTS.withOctaves(33)));
        Fill.perlin(img, new Fill.Perlin(1, 0, 32, 0.5f, 2, 0, 0, A, B));
      }
    }

    @Test
    void polygonsNeedAtLeastThreeSides() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        assertRejected("at least 3 sides", () -> Fill.ngon(img, new Fill.Ngon(2, A, B, 0, 0)));
        assertRejected("at least 3 sides", () -> Fill.ngon(img, new Fill.Ngon(-5, A, B, 0, 0)));
      }
    }

    @Test
    void rejectedCallsLeaveThePixelsAlone() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        Fill.color(img, ONES);
        assertThrows(IllegalArgumentException.class, () -> Fill.grid(img, new Fill.Grid(0, 1, BLACK0, BLACK0, 0, 0)));
        for (float v : Images.download(img)) {
          assertEquals(1f, v);
        }
      }
    }
  }
}
