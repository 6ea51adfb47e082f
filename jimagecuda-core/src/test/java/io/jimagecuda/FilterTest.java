package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.internal.backend.GaussianWeights;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Filter} on the CPU backend: pixels worked out by hand from spec §3.4, buffers, aliasing and every error. */
class FilterTest {
  private static final float EPS = 1e-6f;

  /** A new CPU image holding {@code rgba} ({@code w·h·4} floats). */
  private static Image image(int w, int h, float... rgba) {
    Image img = new Image(w, h, BackendKind.CPU);
    Images.upload(img, rgba);
    return img;
  }

  /** A {@code w × h} image whose every pixel is {@code (r, g, b, a)}. */
  private static Image flat(int w, int h, float r, float g, float b, float a) {
    float[] px = new float[w * h * 4];
    for (int i = 0; i < px.length; i += 4) {
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = a;
    }
    return image(w, h, px);
  }

  /** Random channels in [0.05, 1.05): never zero, some above 1. */
  private static float[] random(int w, int h, long seed) {
    Random random = new Random(seed);
    float[] px = new float[w * h * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = 0.05f + random.nextFloat();
    }
    return px;
  }

  /** The pixels {@code op} produces from an image holding {@code in}; the result is closed. */
  private static float[] produce(int w, int h, float[] in, Function<Image, Image> op) {
    try (Image src = image(w, h, in); Image out = op.apply(src)) {
      assertEquals(BackendKind.CPU, out.backend());
      assertEquals(w, out.width());
      assertEquals(h, out.height());
      assertArrayEquals(in, Images.download(src), "the source must not change");
      return Images.download(out);
    }
  }

  /** The pixels after the in-place {@code op} on an image holding {@code in}. */
  private static float[] inPlace(int w, int h, float[] in, Consumer<Image> op) {
    try (Image img = image(w, h, in)) {
      op.accept(img);
      return Images.download(img);
    }
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return Arrays.copyOfRange(px, i, i + 4);
  }

  private static void assertPixel(float[] expected, float[] px, int w, int x, int y, float tolerance) {
    assertArrayEquals(expected, pixel(px, w, x, y), tolerance, "pixel (" + x + ", " + y + ")");
  }

  private static void assertRejected(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
  }

  /** A 3×3 ramp: red 0.1 … 0.9 row by row, green 1 − red, blue 0.5, alpha 0.3 … 1.1. */
  private static float[] ramp3x3() {
    float[] px = new float[36];
    for (int p = 0; p < 9; p++) {
      px[p * 4] = (p + 1) / 10f;
      px[p * 4 + 1] = 1 - (p + 1) / 10f;
      px[p * 4 + 2] = 0.5f;
      px[p * 4 + 3] = 0.3f + p / 10f;
    }
    return px;
  }

  @Nested
  class GaussianBlurWeights {
    @Test
    void weightsFollowTheFormulaAndSumToOne() {
      float[] w = GaussianWeights.compute(3, 1f);
      double norm = 1 + 2 * (Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5));
      for (int i = 0; i <= 3; i++) {
        assertEquals(Math.exp(-i * i / 2.0) / norm, w[i], 1e-7, "w" + i);
      }
      assertEquals(1, w[0] + 2 * (w[1] + w[2] + w[3]), 1e-6);
    }

    @Test
    void autoSigmaIsRadiusOverThree() {
      assertEquals(1f, GaussianWeights.autoSigma(3));
      assertEquals((float) (20 / 3.0), GaussianWeights.autoSigma(20));
      assertEquals(0f, GaussianWeights.autoSigma(0));
    }

    @Test
    void radiusZeroIsTheIdentityKernel() {
      assertArrayEquals(new float[] {1f}, GaussianWeights.compute(0, 0.5f));
    }
  }

  @Nested
  class GaussianBlurPixels {
    @Test
    void radiusZeroIsAnExactCopyEvenOfOddValues() {
      float[] in = {0.25f, 2f, -1f, Float.NaN, 1e30f, 0f, 0.5f, 1f};
      assertArrayEquals(in, produce(2, 1, in, src -> Filter.gaussianBlur(src, 0)));
    }

    @Test
    void aSigmaUpToOneThousandthIsAnExactCopy() {
      float[] in = random(5, 4, 1);
      for (float sigma : new float[] {0f, 0.0005f, 0.001f}) {
        assertArrayEquals(in, produce(5, 4, in,
            src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(7).withSigma(sigma))));
      }
      assertNotEquals(Arrays.toString(in), Arrays.toString(produce(5, 4, in,
          src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(7).withSigma(0.5f)))));
    }

    @Test
    void aConstantImageStaysConstant() {
      try (Image src = flat(9, 7, 0.3f, 0.6f, 0.9f, 1f); Image out = Filter.gaussianBlur(src, 5)) {
        float[] px = Images.download(out);
        for (int p = 0; p < 63; p++) {
          assertPixel(new float[] {0.3f, 0.6f, 0.9f, 1f}, px, 9, p % 9, p / 9, EPS);
        }
      }
    }

    @Test
    void anImpulseSpreadsIntoTheProductOfTheNormalisedWeights() {
      // One white pixel at (5, 5) of an 11x11 black image, radius 3, sigma 1: pixel (5+dx, 5+dy) is
      // w|dx|·w|dy| (the horizontal pass leaves w|dx| in row 5, the vertical pass scales it by w|dy|).
      float[] in = new float[11 * 11 * 4];
      Arrays.fill(in, (5 * 11 + 5) * 4, (5 * 11 + 5) * 4 + 4, 1f);
      float[] px = produce(11, 11, in, Filter::gaussianBlur);
      double norm = 1 + 2 * (Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5));
      for (int y = 0; y < 11; y++) {
        for (int x = 0; x < 11; x++) {
          int dx = Math.abs(x - 5);
          int dy = Math.abs(y - 5);
          double v = dx > 3 || dy > 3 ? 0 : Math.exp(-(dx * dx + dy * dy) / 2.0) / (norm * norm);
          float f = (float) v;
          assertPixel(new float[] {f, f, f, f}, px, 11, x, y, 2e-7f);
        }
      }
      float[] w = GaussianWeights.compute(3, 1f);
      assertEquals(w[0] * w[0], px[(5 * 11 + 5) * 4], "the centre is exactly w0·w0");
      assertEquals(w[2] * w[1], px[(6 * 11 + 7) * 4], "pixel (7, 6) is exactly w2·w1");
    }

    @Test
    void mirroringTheImageMirrorsTheResult() {
      int w = 13;
      int h = 6;
      float[] in = random(w, h, 2);
      float[] mirrored = new float[in.length];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          System.arraycopy(in, (y * w + x) * 4, mirrored, (y * w + w - 1 - x) * 4, 4);
        }
      }
      float[] a = produce(w, h, in, src -> Filter.gaussianBlur(src, 4));
      float[] b = produce(w, h, mirrored, src -> Filter.gaussianBlur(src, 4));
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          assertArrayEquals(pixel(a, w, x, y), pixel(b, w, w - 1 - x, y), "pixel (" + x + ", " + y + ")");
        }
      }
    }

    @Test
    void bordersClampToTheEdgePixel() {
      // 5x1, red = 1 at x = 0 only, radius 2: the taps left of x = 0 read pixel 0 again.
      float[] in = new float[20];
      in[0] = 1f;
      float[] px = produce(5, 1, in, src -> Filter.gaussianBlur(src, 2));
      float[] w = GaussianWeights.compute(2, GaussianWeights.autoSigma(2));
      assertEquals(w[0] + w[1] + w[2], px[0], EPS, "x = 0: w0·1 + w1·(1 + 0) + w2·(1 + 0)");
      assertEquals(w[1] + w[2], px[4], EPS, "x = 1: w1·(1 + 0) + w2·(1 + 0)");
      assertEquals(w[2], px[8], EPS, "x = 2: w2·(1 + 0)");
      assertEquals(0f, px[12]);
      // One row: every vertical tap reads the row itself, so columns keep their horizontal result.
      assertEquals(0f, px[1]);
    }

    @Test
    void theVerticalPassClampsToo() {
      // 1x4, green = 1 at the bottom only, radius 1: y = 3 gets w0 + w1·(0 + 1).
      float[] in = new float[16];
      in[13] = 1f;
      float[] px = produce(1, 4, in, src -> Filter.gaussianBlur(src, 1));
      float[] w = GaussianWeights.compute(1, GaussianWeights.autoSigma(1));
      assertEquals(w[0] + w[1], px[13], EPS);
      assertEquals(w[1], px[9], EPS);
      assertEquals(0f, px[5]);
    }

    @Test
    void theDefaultSigmaIsRadiusOverThree() {
      float[] in = random(8, 8, 3);
      float[] auto = produce(8, 8, in, src -> Filter.gaussianBlur(src, 6));
      float[] explicit = produce(8, 8, in,
          src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(6).withSigma(2f)));
      assertArrayEquals(explicit, auto);
      float[] defaults = produce(8, 8, in, Filter::gaussianBlur);
      float[] r3s1 = produce(8, 8, in,
          src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withSigma(1f)));
      assertArrayEquals(r3s1, defaults);
      assertTrue(Filter.GaussianBlur.DEFAULTS.withSigma(2).withAutoSigma().isAutoSigma());
      assertEquals(new Filter.GaussianBlur(3, Filter.GaussianBlur.AUTO_SIGMA, null), Filter.GaussianBlur.DEFAULTS);
    }

    @Test
    void aWiderSigmaSpreadsFurther() {
      float[] in = new float[9 * 4];
      in[4 * 4] = 1f;
      float[] narrow = produce(9, 1, in,
          src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(4).withSigma(0.8f)));
      float[] wide = produce(9, 1, in,
          src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(4).withSigma(3f)));
      assertTrue(wide[0] > narrow[0] && wide[16] < narrow[16], "wide " + wide[0] + " narrow " + narrow[0]);
    }

    @Test
    void radius100StaysWithinTheInputRange() {
      float[] in = random(30, 20, 4);
      float[] px = produce(30, 20, in, src -> Filter.gaussianBlur(src, 100));
      double minIn = 2;
      double maxIn = -1;
      for (float v : in) {
        minIn = Math.min(minIn, v);
        maxIn = Math.max(maxIn, v);
      }
      for (float v : px) {
        assertTrue(v >= minIn - EPS && v <= maxIn + EPS, "blur stays within the input range: " + v);
      }
    }
  }

  /** The blur of spec §3.4 written out directly: per channel {@code w0·S}, then {@code fma(l + r, w_i, acc)}. */
  private static float[] referenceBlur(float[] in, int w, int h, float[] wt) {
    float[] t = new float[in.length];
    float[] out = new float[in.length];
    int r = wt.length - 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 4; c++) {
          float acc = in[(y * w + x) * 4 + c] * wt[0];
          for (int i = 1; i <= r; i++) {
            acc = Math.fma(in[(y * w + Math.max(x - i, 0)) * 4 + c] + in[(y * w + Math.min(x + i, w - 1)) * 4 + c],
                wt[i], acc);
          }
          t[(y * w + x) * 4 + c] = acc;
        }
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 4; c++) {
          float acc = t[(y * w + x) * 4 + c] * wt[0];
          for (int i = 1; i <= r; i++) {
            acc = Math.fma(t[(Math.max(y - i, 0) * w + x) * 4 + c] + t[(Math.min(y + i, h - 1) * w + x) * 4 + c],
                wt[i], acc);
          }
          out[(y * w + x) * 4 + c] = acc;
        }
      }
    }
    return out;
  }

  @Nested
  class GaussianBlurLargeImages {
    /**
     * Images above the CPU backend's threading threshold, out of place (the fused passes, split over
     * threads) and in place (the passes through temp): both equal the formula bit for bit, blocks and
     * thread boundaries included.
     */
    @Test
    void bothCpuPathsEqualTheFormulaBitForBit() {
      int[][] cases = {{300, 200, 1}, {300, 200, 7}, {301, 133, 40}, {7, 5000, 5}, {2000, 17, 100}};
      for (int[] c : cases) {
        int w = c[0];
        int h = c[1];
        int radius = c[2];
        float[] in = random(w, h, radius);
        float[] expected = referenceBlur(in, w, h, GaussianWeights.compute(radius, GaussianWeights.autoSigma(radius)));
        String what = w + "x" + h + " radius " + radius;
        assertArrayEquals(expected, produce(w, h, in, src -> Filter.gaussianBlur(src, radius)), what);
        try (Image img = image(w, h, in)) {
          Filter.gaussianBlurInto(img, img, radius);
          assertArrayEquals(expected, Images.download(img), what + " in place");
        }
      }
    }
  }

  @Nested
  class GaussianBlurBuffers {
    @Test
    void intoALargerDstSetsItsLogicalSize() {
      float[] in = random(6, 5, 5);
      float[] expected = produce(6, 5, in, src -> Filter.gaussianBlur(src, 2));
      try (Image src = image(6, 5, in); Image dst = new Image(10, 10, BackendKind.CPU)) {
        Filter.gaussianBlurInto(dst, src, 2);
        assertEquals(6, dst.width());
        assertEquals(5, dst.height());
        assertEquals(100, dst.capacity());
        assertArrayEquals(expected, Images.download(dst));
      }
    }

    @Test
    void intoATooSmallDstThrowsBeforeTouchingIt() {
      try (Image src = image(6, 5, random(6, 5, 6)); Image dst = new Image(5, 5, BackendKind.CPU)) {
        CapacityExceededException e = assertThrows(CapacityExceededException.class,
            () -> Filter.gaussianBlurInto(dst, src, 2));
        assertTrue(e.getMessage().contains("exceed buffer capacity"), e.getMessage());
        assertEquals(5, dst.width());
        assertArrayEquals(new float[100], Images.download(dst));
      }
    }

    @Test
    void dstMayBeSrcAndBlursInPlace() {
      float[] in = random(7, 9, 7);
      float[] expected = produce(7, 9, in, src -> Filter.gaussianBlur(src, 3));
      try (Image img = image(7, 9, in)) {
        Filter.gaussianBlurInto(img, img, 3);
        assertArrayEquals(expected, Images.download(img));
        Filter.gaussianBlurInto(img, img, 0);
        assertArrayEquals(expected, Images.download(img), "radius 0 in place changes nothing");
      }
    }

    @Test
    void aSuppliedTempIsResizedAndReusable() {
      float[] a = random(8, 6, 8);
      float[] b = random(5, 3, 9);
      Filter.GaussianBlur opts = Filter.GaussianBlur.DEFAULTS.withRadius(2);
      float[] expectedA = produce(8, 6, a, src -> Filter.gaussianBlur(src, opts));
      float[] expectedB = produce(5, 3, b, src -> Filter.gaussianBlur(src, opts));
      try (Image temp = new Image(20, 20, BackendKind.CPU); Image srcA = image(8, 6, a);
          Image srcB = image(5, 3, b); Image dst = new Image(8, 6, BackendKind.CPU)) {
        Filter.gaussianBlurInto(dst, srcA, opts.withTemp(temp));
        assertEquals(8, temp.width());
        assertEquals(6, temp.height());
        assertArrayEquals(expectedA, Images.download(dst));
        try (Image out = Filter.gaussianBlur(srcB, opts.withTemp(temp))) {
          assertEquals(5, temp.width());
          assertArrayEquals(expectedB, Images.download(out));
        }
        Filter.gaussianBlurInto(srcA, srcA, opts.withTemp(temp));
        assertArrayEquals(expectedA, Images.download(srcA), "in place with a supplied temp");
      }
    }

    @Test
    void aTooSmallTempThrows() {
      try (Image src = image(6, 5, random(6, 5, 10)); Image temp = new Image(4, 4, BackendKind.CPU)) {
        CapacityExceededException e = assertThrows(CapacityExceededException.class,
            () -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withTemp(temp)));
        assertTrue(e.getMessage().contains("temp"), e.getMessage());
      }
    }

    @Test
    void tempMustBeNeitherSrcNorDst() {
      try (Image src = image(4, 4, random(4, 4, 11)); Image dst = new Image(4, 4, BackendKind.CPU)) {
        assertRejected("temp and src must be different images",
            () -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withTemp(src)));
        assertRejected("temp and src must be different images",
            () -> Filter.gaussianBlurInto(dst, src, Filter.GaussianBlur.DEFAULTS.withTemp(src)));
        assertRejected("temp and dst must be different images",
            () -> Filter.gaussianBlurInto(dst, src, Filter.GaussianBlur.DEFAULTS.withTemp(dst)));
      }
    }
  }

  @Nested
  class Sharpen {
    @Test
    void threeByThreeByHandIncludingTheBorders() {
      // s = 0.25: centre weight 2, neighbours −0.25, missing neighbours are the edge pixel itself.
      float[] px = produce(3, 3, ramp3x3(), src -> Filter.sharpen(src, 0.25f));
      float[][] red = {
          {0.0f, 2 * 0.2f - 0.25f * (0.2f + 0.5f + 0.1f + 0.3f), 2 * 0.3f - 0.25f * (0.3f + 0.6f + 0.2f + 0.3f)},
          {2 * 0.4f - 0.25f * (0.1f + 0.7f + 0.4f + 0.5f), 0.5f, 0.625f},
          {0.75f, 2 * 0.8f - 0.25f * (0.5f + 0.8f + 0.7f + 0.9f), 1.0f}};
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 3; x++) {
          float[] p = pixel(px, 3, x, y);
          assertEquals(red[y][x], p[0], EPS, "red at (" + x + ", " + y + ")");
          // green = 1 − red everywhere, so its Laplacian is the negated red one: 1 − red result.
          assertEquals(1 - red[y][x], p[1], EPS, "green at (" + x + ", " + y + ")");
          assertEquals(0.5f, p[2], EPS, "flat blue stays");
          assertEquals(0.3f + (y * 3 + x) / 10f, p[3], "alpha copied, even above 1");
        }
      }
    }

    @Test
    void aFlatImageStaysFlatUpToItsBorders() {
      try (Image src = flat(4, 3, 0.4f, 0.6f, 0.8f, 0.5f); Image out = Filter.sharpen(src, 2f)) {
        float[] px = Images.download(out);
        for (int p = 0; p < 12; p++) {
          assertPixel(new float[] {0.4f, 0.6f, 0.8f, 0.5f}, px, 4, p % 4, p / 4, 4e-6f);
        }
      }
    }

    @Test
    void colourIsClampedToZeroOne() {
      // A bright dot on black: (1 + 4·2)·0.5 = 4.5 → 1; its neighbours 0 − 2·0.5 → 0.
      float[] in = new float[9 * 4];
      in[4 * 4] = 0.5f;
      in[4 * 4 + 3] = 1f;
      float[] px = produce(3, 3, in, src -> Filter.sharpen(src, 2f));
      assertEquals(1f, px[16]);
      assertEquals(0f, px[4]);
      assertEquals(0f, pixel(px, 3, 0, 0)[0]);
    }

    @Test
    void defaultStrengthIsOne() {
      float[] in = ramp3x3();
      assertArrayEquals(produce(3, 3, in, src -> Filter.sharpen(src, 1f)), produce(3, 3, in, Filter::sharpen));
    }

    @Test
    void strengthBelowOneMillionthIsAnExactCopyWithoutClamping() {
      float[] in = {2f, -1f, 0.5f, 3f, 0.1f, 0.2f, 0.3f, 0.4f};
      assertArrayEquals(in, produce(2, 1, in, src -> Filter.sharpen(src, 0f)));
      assertArrayEquals(in, produce(2, 1, in, src -> Filter.sharpen(src, 5e-7f)));
    }

    @Test
    void intoSetsTheLogicalSizeAndRefusesItsSource() {
      float[] in = ramp3x3();
      float[] expected = produce(3, 3, in, src -> Filter.sharpen(src, 0.25f));
      try (Image src = image(3, 3, in); Image dst = new Image(5, 5, BackendKind.CPU);
          Image small = new Image(2, 2, BackendKind.CPU)) {
        Filter.sharpenInto(dst, src, 0.25f);
        assertEquals(3, dst.width());
        assertEquals(3, dst.height());
        assertArrayEquals(expected, Images.download(dst));
        Filter.sharpenInto(dst, src);
        assertArrayEquals(produce(3, 3, in, Filter::sharpen), Images.download(dst));
        assertThrows(CapacityExceededException.class, () -> Filter.sharpenInto(small, src));
        assertRejected("dst and src must be different images", () -> Filter.sharpenInto(src, src));
      }
    }
  }

  @Nested
  class Sobel {
    @Test
    void aVerticalStepGivesFourOnBothSidesOfTheEdge() {
      // 4x3: red steps 0 → 1 and green 0 → 0.5 between x = 1 and x = 2; blue 0.5 everywhere.
      float[] in = new float[4 * 3 * 4];
      for (int p = 0; p < 12; p++) {
        boolean right = p % 4 >= 2;
        in[p * 4] = right ? 1f : 0f;
        in[p * 4 + 1] = right ? 0.5f : 0f;
        in[p * 4 + 2] = 0.5f;
        in[p * 4 + 3] = 0.2f;
      }
      float[] px = produce(4, 3, in, Filter::sobel);
      for (int y = 0; y < 3; y++) {
        assertPixel(new float[] {0, 0, 0, 1}, px, 4, 0, y, 0f);
        assertPixel(new float[] {4, 2, 0, 1}, px, 4, 1, y, 0f);
        assertPixel(new float[] {4, 2, 0, 1}, px, 4, 2, y, 0f);
        assertPixel(new float[] {0, 0, 0, 1}, px, 4, 3, y, 0f);
      }
    }

    @Test
    void aHorizontalStepGoesToGy() {
      // 2x3: bottom row 1, the rest 0. Row 1 sees 0 above and 1 below: Gy = 1 + 2 + 1 = 4.
      float[] in = new float[2 * 3 * 4];
      for (int x = 0; x < 2; x++) {
        Arrays.fill(in, (2 * 2 + x) * 4, (2 * 2 + x) * 4 + 3, 1f);
      }
      float[] px = produce(2, 3, in, Filter::sobel);
      assertPixel(new float[] {0, 0, 0, 1}, px, 2, 0, 0, 0f);
      assertPixel(new float[] {4, 4, 4, 1}, px, 2, 1, 1, 0f);
      assertPixel(new float[] {4, 4, 4, 1}, px, 2, 0, 2, 0f);
    }

    @Test
    void aCornerGivesBothGradients() {
      // 3x3 with only the bottom-right pixel 1: at the centre Gx = 1 and Gy = 1, magnitude √2.
      float[] in = new float[9 * 4];
      in[8 * 4] = 1f;
      float[] px = produce(3, 3, in, Filter::sobel);
      assertEquals((float) Math.sqrt(2), pixel(px, 3, 1, 1)[0]);
      // At (2, 1) the right column clamps onto x = 2, so p12 = p22 = 1: Gx = p22 = 1,
      // Gy = p02 + 2·p12 + p22 = 0 + 2 + 1 = 3, magnitude √10.
      assertEquals((float) Math.sqrt(10), pixel(px, 3, 2, 1)[0], EPS);
    }

    @Test
    void intoSetsTheLogicalSizeAndRefusesItsSource() {
      float[] in = random(4, 4, 12);
      float[] expected = produce(4, 4, in, Filter::sobel);
      try (Image src = image(4, 4, in); Image dst = new Image(3, 7, BackendKind.CPU);
          Image small = new Image(3, 5, BackendKind.CPU)) {
        Filter.sobelInto(dst, src);
        assertEquals(4, dst.width());
        assertEquals(4, dst.height());
        assertArrayEquals(expected, Images.download(dst));
        assertThrows(CapacityExceededException.class, () -> Filter.sobelInto(small, src));
        assertRejected("dst and src must be different images", () -> Filter.sobelInto(src, src));
      }
    }
  }

  @Nested
  class Emboss {
    @Test
    void aFlatAreaBecomesHalfPlusStrengthTimesItsValue() {
      try (Image src = flat(3, 2, 0.25f, 0.1f, 0f, 0.4f)) {
        try (Image out = Filter.emboss(src)) {
          float[] px = Images.download(out);
          for (int p = 0; p < 6; p++) {
            assertPixel(new float[] {0.75f, 0.6f, 0.5f, 1f}, px, 3, p % 3, p / 3, EPS);
          }
        }
        try (Image out = Filter.emboss(src, -2f)) {
          assertPixel(new float[] {0f, 0.3f, 0.5f, 1f}, Images.download(out), 3, 1, 1, EPS);
        }
      }
    }

    @Test
    void strengthZeroIsFlatGreyNotACopy() {
      // Deviation (docs/deviations.md): the reference copies the source below 1e-6, a jump away from
      // the flat 0.5 grey that every small strength approaches.
      float[] px = produce(3, 3, ramp3x3(), src -> Filter.emboss(src, 0f));
      for (int p = 0; p < 9; p++) {
        assertPixel(new float[] {0.5f, 0.5f, 0.5f, 1f}, px, 3, p % 3, p / 3, 0f);
      }
    }

    @Test
    void theCentreOfARampByHand() {
      // Red at the centre of the 3x3 ramp: −2·0.1 − 0.2 − 0.4 + 0.5 + 0.6 + 0.8 + 2·0.9 = 2.9;
      // s = 0.5 → 0.5 + 1.45 = 1.95 (not clamped).
      float[] px = produce(3, 3, ramp3x3(), src -> Filter.emboss(src, 0.5f));
      assertEquals(1.95f, pixel(px, 3, 1, 1)[0], EPS);
      // Top-left corner, clamped: −2·0.1 − 0.1 − 0.1 + 0.1 + 0.2 + 0.4 + 2·0.5 = 1.3 → 0.5 + 0.65.
      assertEquals(1.15f, pixel(px, 3, 0, 0)[0], EPS);
    }

    @Test
    void intoSetsTheLogicalSizeAndRefusesItsSource() {
      float[] in = ramp3x3();
      try (Image src = image(3, 3, in); Image dst = new Image(10, 1, BackendKind.CPU);
          Image small = new Image(8, 1, BackendKind.CPU)) {
        Filter.embossInto(dst, src, 0.5f);
        assertEquals(3, dst.width());
        assertArrayEquals(produce(3, 3, in, s -> Filter.emboss(s, 0.5f)), Images.download(dst));
        Filter.embossInto(dst, src);
        assertArrayEquals(produce(3, 3, in, Filter::emboss), Images.download(dst));
        assertThrows(CapacityExceededException.class, () -> Filter.embossInto(small, src));
        assertRejected("dst and src must be different images", () -> Filter.embossInto(src, src));
      }
    }
  }

  @Nested
  class ToneFilters {
    private final float[] in = {0.2f, 0.4f, 0.6f, 0.7f, 1f, 1f, 1f, 0.1f};

    @Test
    void sepiaAtFullIntensity() {
      float[] px = inPlace(2, 1, in, Filter::sepia);
      assertArrayEquals(new float[] {0.4996f, 0.445f, 0.3466f, 0.7f}, pixel(px, 2, 0, 0), EPS);
      assertArrayEquals(new float[] {1.351f, 1.203f, 0.937f, 0.1f}, pixel(px, 2, 1, 0), EPS, "not clamped");
    }

    @Test
    void sepiaMixesByIntensity() {
      float[] px = inPlace(2, 1, in, img -> Filter.sepia(img, 0.5f));
      assertArrayEquals(new float[] {0.3498f, 0.4225f, 0.4733f, 0.7f}, pixel(px, 2, 0, 0), EPS);
      assertArrayEquals(in, inPlace(2, 1, in, img -> Filter.sepia(img, 0f)));
      assertArrayEquals(in, inPlace(2, 1, in, img -> Filter.sepia(img, -5e-7f)));
    }

    @Test
    void invertFlipsColourAndKeepsAlpha() {
      float[] px = inPlace(2, 1, new float[] {0.2f, 1.5f, -0.25f, 0.3f, 0f, 1f, 0.5f, 1f}, Filter::invert);
      assertArrayEquals(new float[] {1f - 0.2f, 1f - 1.5f, 1f + 0.25f, 0.3f, 1f, 0f, 0.5f, 1f}, px);
    }

    @Test
    void thresholdIsInclusiveOnLuma() {
      // Pure green has luma exactly 0.587f: at that threshold it is white, just above it black.
      float[] green = {0f, 1f, 0f, 0.6f};
      assertArrayEquals(new float[] {1, 1, 1, 0.6f}, inPlace(1, 1, green, img -> Filter.threshold(img, 0.587f)));
      assertArrayEquals(new float[] {0, 0, 0, 0.6f},
          inPlace(1, 1, green, img -> Filter.threshold(img, Math.nextUp(0.587f))));
      // (0.2, 0.4, 0.6): luma 0.0598 + 0.2348 + 0.0684 = 0.363 → black at 0.5, white at 0.3.
      assertArrayEquals(new float[] {0, 0, 0, 0.7f, 1, 1, 1, 0.1f}, inPlace(2, 1, in, Filter::threshold));
      assertArrayEquals(new float[] {1, 1, 1, 0.7f, 1, 1, 1, 0.1f},
          inPlace(2, 1, in, img -> Filter.threshold(img, 0.3f)));
    }

    @Test
    void solarizeInvertsEachChannelStrictlyAboveTheThreshold() {
      float[] px = inPlace(1, 1, new float[] {0.4f, 0.5f, 0.7f, 0.9f}, Filter::solarize);
      assertArrayEquals(new float[] {0.4f, 0.5f, 1f - 0.7f, 0.9f}, px);
      px = inPlace(1, 1, new float[] {0.4f, 0.5f, 0.7f, 0.9f}, img -> Filter.solarize(img, 0.45f));
      assertArrayEquals(new float[] {0.4f, 1f - 0.5f, 1f - 0.7f, 0.9f}, px);
    }

    @Test
    void inPlaceFiltersTouchOnlyTheLogicalArea() {
      try (Image img = flat(4, 4, 0.2f, 0.2f, 0.2f, 1f)) {
        img.setLogicalSize(3, 2);
        Filter.invert(img);
        img.setLogicalSize(4, 4);
        float[] px = Images.download(img);
        for (int p = 0; p < 16; p++) {
          float v = p < 6 ? 0.8f : 0.2f;
          assertArrayEquals(new float[] {v, v, v, 1f}, pixel(px, 4, p % 4, p / 4), "pixel " + p);
        }
      }
    }
  }

  @Nested
  class Errors {
    private final List<Consumer<Image>> everyOp = List.of(
        img -> Filter.gaussianBlur(img).free(),
        img -> Filter.gaussianBlur(img, 0).free(),
        img -> Filter.sharpen(img, 0f).free(),
        img -> Filter.sobel(img).free(),
        img -> Filter.emboss(img).free(),
        img -> Filter.sepia(img, 0f),
        Filter::invert,
        Filter::threshold,
        Filter::solarize);

    @Test
    void aFreedImageIsRejectedEvenWhenTheCallWouldChangeNothing() {
      for (Consumer<Image> op : everyOp) {
        Image img = new Image(2, 2, BackendKind.CPU);
        img.free();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.accept(img));
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
      }
      try (Image src = new Image(2, 2, BackendKind.CPU)) {
        Image dst = new Image(2, 2, BackendKind.CPU);
        dst.free();
        assertThrows(IllegalStateException.class, () -> Filter.gaussianBlurInto(dst, src, 0));
        assertThrows(IllegalStateException.class, () -> Filter.sharpenInto(dst, src));
        assertThrows(IllegalStateException.class, () -> Filter.sobelInto(dst, src));
        assertThrows(IllegalStateException.class, () -> Filter.embossInto(dst, src));
        Image temp = new Image(2, 2, BackendKind.CPU);
        temp.free();
        assertThrows(IllegalStateException.class,
            () -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withTemp(temp)));
      }
    }

    @Test
    void nullArgumentsAreNamed() {
      for (Consumer<Image> op : everyOp) {
        assertThrows(NullPointerException.class, () -> op.accept(null));
      }
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        NullPointerException e = assertThrows(NullPointerException.class,
            () -> Filter.gaussianBlur(img, (Filter.GaussianBlur) null));
        assertEquals("Filter.gaussianBlur: options is null", e.getMessage());
        assertThrows(NullPointerException.class, () -> Filter.gaussianBlurInto(null, img));
        assertThrows(NullPointerException.class, () -> Filter.gaussianBlurInto(img, null));
        assertThrows(NullPointerException.class, () -> Filter.sharpenInto(null, img));
        assertThrows(NullPointerException.class, () -> Filter.sobelInto(img, null));
        assertThrows(NullPointerException.class, () -> Filter.embossInto(null, img));
      }
    }

    @Test
    void blurRadiusMustBeIn0To100() {
      try (Image img = new Image(2, 2, BackendKind.CPU); Image dst = new Image(2, 2, BackendKind.CPU)) {
        assertRejected("Filter.gaussianBlur: radius must be non-negative, got -1", () -> Filter.gaussianBlur(img, -1));
        assertRejected("Filter.gaussianBlur: radius too large (max 100), got 101", () -> Filter.gaussianBlur(img, 101));
        assertRejected("Filter.gaussianBlurInto: radius must be non-negative",
            () -> Filter.gaussianBlurInto(dst, img, -3));
        // Checked before the identity shortcut: the reference returns a copy for radius −5, sigma 0.
        assertRejected("non-negative",
            () -> Filter.gaussianBlur(img, Filter.GaussianBlur.DEFAULTS.withRadius(-5).withSigma(0)));
        assertRejected("max 100", () -> Filter.gaussianBlurInto(dst, img, 1000));
        Filter.gaussianBlur(img, 100).free();
      }
    }

    @Test
    void blurSigmaMustBeFiniteAndNonNegative() {
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          assertRejected("Filter.gaussianBlur: sigma must be a finite number",
              () -> Filter.gaussianBlur(img, Filter.GaussianBlur.DEFAULTS.withSigma(bad)));
        }
        assertRejected("Filter.gaussianBlur: sigma must be non-negative (or GaussianBlur.AUTO_SIGMA",
            () -> Filter.gaussianBlur(img, Filter.GaussianBlur.DEFAULTS.withSigma(-0.5f)));
      }
    }

    @Test
    void floatParametersMustBeFinite() {
      try (Image img = new Image(2, 2, BackendKind.CPU); Image dst = new Image(2, 2, BackendKind.CPU)) {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          assertRejected("Filter.sharpen: strength must be a finite number", () -> Filter.sharpen(img, bad));
          assertRejected("Filter.sharpenInto: strength must be a finite number",
              () -> Filter.sharpenInto(dst, img, bad));
          assertRejected("Filter.emboss: strength must be a finite number", () -> Filter.emboss(img, bad));
          assertRejected("Filter.embossInto: strength must be a finite number",
              () -> Filter.embossInto(dst, img, bad));
          assertRejected("Filter.sepia: intensity must be a finite number", () -> Filter.sepia(img, bad));
          assertRejected("Filter.threshold: value must be a finite number", () -> Filter.threshold(img, bad));
          assertRejected("Filter.solarize: threshold must be a finite number", () -> Filter.solarize(img, bad));
        }
      }
    }

    @Test
    void sharpenStrengthMustBeNonNegative() {
      try (Image img = new Image(2, 2, BackendKind.CPU); Image dst = new Image(2, 2, BackendKind.CPU)) {
        assertRejected("Filter.sharpen: strength must be non-negative, got -0.5", () -> Filter.sharpen(img, -0.5f));
        assertRejected("Filter.sharpenInto: strength must be non-negative", () -> Filter.sharpenInto(dst, img, -1f));
        assertRejected("non-negative", () -> Filter.sharpen(img, -1e-9f));
      }
    }

    @Test
    void rejectedCallsLeaveDstUntouched() {
      try (Image src = image(2, 1, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f);
          Image dst = new Image(3, 3, BackendKind.CPU)) {
        assertThrows(IllegalArgumentException.class, () -> Filter.sharpenInto(dst, src, -1f));
        assertThrows(IllegalArgumentException.class, () -> Filter.gaussianBlurInto(dst, src, 101));
        assertThrows(IllegalArgumentException.class,
            () -> Filter.gaussianBlurInto(dst, src, Filter.GaussianBlur.DEFAULTS.withTemp(dst)));
        assertEquals(3, dst.width());
        assertEquals(3, dst.height());
        assertArrayEquals(new float[36], Images.download(dst));
      }
    }
  }
}
