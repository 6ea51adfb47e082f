package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Transform} on the CPU backend: pixels worked out by hand from spec §3.6, and every error. */
class TransformTest {
  private static final float[] CLEAR = {0, 0, 0, 0};

  /**
   * A {@code w × h} "index" image: pixel {@code (x, y)} is {@code (x, y, 0.5, 1)}, so that a result's
   * red and green channels say which source pixel it came from.
   */
  private static float[] indexImage(int w, int h) {
    float[] px = new float[w * h * 4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 4;
        px[i] = x;
        px[i + 1] = y;
        px[i + 2] = 0.5f;
        px[i + 3] = 1;
      }
    }
    return px;
  }

  private static float[] source(int x, int y) {
    return new float[] {x, y, 0.5f, 1};
  }

  private static Image image(int w, int h, float[] px) {
    Image img = new Image(w, h, BackendKind.CPU);
    Images.upload(img, px);
    return img;
  }

  /** The result of {@code op} on a CPU image of {@code px}, checking its size. */
  private static float[] run(int w, int h, float[] px, Function<Image, Image> op, int outW, int outH) {
    try (Image src = image(w, h, px); Image out = op.apply(src)) {
      assertEquals(List.of(outW, outH), List.of(out.width(), out.height()), "result size");
      return Images.download(out);
    }
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return new float[] {px[i], px[i + 1], px[i + 2], px[i + 3]};
  }

  private static float[] uniform(int w, int h, float[] c) {
    float[] px = new float[w * h * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = c[i % 4];
    }
    return px;
  }

  private static <T extends Throwable> T assertMessage(Class<T> type, String fragment, Executable call) {
    T e = assertThrows(type, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
    return e;
  }

  @Nested
  class Flip {
    private final float[] src = indexImage(3, 2);

    @Test
    void eachDirectionMirrorsTheRightAxis() {
      float[] h = run(3, 2, src, img -> Transform.flip(img, FlipDirection.HORIZONTAL), 3, 2);
      float[] v = run(3, 2, src, img -> Transform.flip(img, FlipDirection.VERTICAL), 3, 2);
      float[] b = run(3, 2, src, img -> Transform.flip(img, FlipDirection.BOTH), 3, 2);
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          assertArrayEquals(source(2 - x, y), pixel(h, 3, x, y));
          assertArrayEquals(source(x, 1 - y), pixel(v, 3, x, y));
          assertArrayEquals(source(2 - x, 1 - y), pixel(b, 3, x, y));
        }
      }
      assertArrayEquals(h, run(3, 2, src, Transform::flip, 3, 2), "the default is horizontal");
    }

    @Test
    void flippingTwiceIsTheIdentity() {
      float[] random = new float[7 * 5 * 4];
      Random r = new Random(7);
      for (int i = 0; i < random.length; i++) {
        random[i] = r.nextFloat() * 3 - 1;
      }
      for (FlipDirection d : FlipDirection.values()) {
        try (Image img = image(7, 5, random); Image once = Transform.flip(img, d); Image dst = new Image(9, 9,
            BackendKind.CPU)) {
          Transform.flipInto(dst, once, d);
          assertEquals(List.of(7, 5), List.of(dst.width(), dst.height()));
          assertArrayEquals(random, Images.download(dst), d.id());
        }
      }
    }

    @Test
    void flipIntoWithoutDirectionIsHorizontal() {
      try (Image img = image(3, 2, src); Image dst = new Image(3, 2, BackendKind.CPU)) {
        Transform.flipInto(dst, img);
        assertArrayEquals(source(2, 0), pixel(Images.download(dst), 3, 0, 0));
      }
    }

    @Test
    void directionsParseTheReferenceNames() {
      assertEquals(FlipDirection.BOTH, FlipDirection.parse("both"));
      assertEquals(FlipDirection.VERTICAL, FlipDirection.parse("vertical"));
      assertMessage(IllegalArgumentException.class, "Invalid direction 'diagonal': expected horizontal, vertical "
          + "or both", () -> FlipDirection.parse("diagonal"));
      assertMessage(IllegalArgumentException.class, "Invalid direction", () -> FlipDirection.parse(null));
    }
  }

  @Nested
  class QuarterTurns {
    private final float[] src = indexImage(3, 2);

    @Test
    void ninetyIsAClockwisePermutation() {
      float[] out = run(3, 2, src, img -> Transform.rotate(img, 90), 2, 3);
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 2; x++) {
          assertArrayEquals(source(y, 1 - x), pixel(out, 2, x, y), "pixel (" + x + ", " + y + ")");
        }
      }
      // The source's top-left pixel ends at the top right.
      assertArrayEquals(source(0, 0), pixel(out, 2, 1, 0));
    }

    @Test
    void oneEightyAndTwoSeventyArePermutations() {
      float[] half = run(3, 2, src, img -> Transform.rotate(img, 180), 3, 2);
      float[] three = run(3, 2, src, img -> Transform.rotate(img, 270), 2, 3);
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          assertArrayEquals(source(2 - x, 1 - y), pixel(half, 3, x, y));
          assertArrayEquals(source(2 - x, y), pixel(three, 2, y, x));
        }
      }
      assertArrayEquals(three, run(3, 2, src, img -> Transform.rotate(img, -90), 2, 3), "−90 is 270");
    }

    @Test
    void fullTurnsAndTinyAnglesAreCopies() {
      for (float angle : new float[] {0, 360, -720, 0.005f, -0.005f, 359.995f, 360.009f}) {
        Transform.Rotate noExpand = Transform.Rotate.DEFAULTS.withExpand(false);
        assertArrayEquals(src, run(3, 2, src, img -> Transform.rotate(img, angle), 3, 2), "angle " + angle);
        assertArrayEquals(src, run(3, 2, src, img -> Transform.rotate(img, angle, noExpand), 3, 2));
      }
    }

    @Test
    void anglesWithinTheSnapToleranceAreExact() {
      assertArrayEquals(run(3, 2, src, img -> Transform.rotate(img, 90), 2, 3),
          run(3, 2, src, img -> Transform.rotate(img, 90.009f), 2, 3));
      Transform.Rotate lanczos = Transform.Rotate.DEFAULTS.withInterpolation(Interpolation.LANCZOS);
      assertArrayEquals(run(3, 2, src, img -> Transform.rotate(img, 180), 3, 2),
          run(3, 2, src, img -> Transform.rotate(img, 179.995f, lanczos), 3, 2), "interpolation ignored");
    }

    @Test
    void fourQuarterTurnsAreTheIdentity() {
      float[] random = new float[5 * 3 * 4];
      Random r = new Random(3);
      for (int i = 0; i < random.length; i++) {
        random[i] = r.nextFloat();
      }
      try (Image a = image(5, 3, random); Image b = Transform.rotate(a, 90); Image c = Transform.rotate(b, 90);
          Image d = Transform.rotate(c, 90); Image e = Transform.rotate(d, 90)) {
        assertArrayEquals(random, Images.download(e));
      }
    }

    @Test
    void withoutExpandTheTurnIsCentredWithFloorDivision() {
      // 4 × 2 turned by 90° is 2 × 4, placed in 4 × 2 at (floorDiv(4 − 2, 2), floorDiv(2 − 4, 2)) = (1, −1).
      float[] out = run(4, 2, indexImage(4, 2),
          img -> Transform.rotate(img, 90, Transform.Rotate.DEFAULTS.withExpand(false)), 4, 2);
      for (int y = 0; y < 2; y++) {
        assertArrayEquals(CLEAR, pixel(out, 4, 0, y));
        assertArrayEquals(CLEAR, pixel(out, 4, 3, y));
        for (int x = 1; x <= 2; x++) {
          // (rx, ry) = (x − 1, y + 1): src(ry, H − 1 − rx).
          assertArrayEquals(source(y + 1, 2 - x), pixel(out, 4, x, y), "pixel (" + x + ", " + y + ")");
        }
      }
    }
  }

  @Nested
  class AnyAngle {
    @Test
    void expandedSizeIsTruncated() {
      // 40 × 20 at 30°: trunc(40·cos 30° + 20·sin 30°) = trunc(44.64) = 44, trunc(20 + 17.32) = 37.
      run(40, 20, new float[40 * 20 * 4], img -> Transform.rotate(img, 30), 44, 37);
      run(40, 20, new float[40 * 20 * 4], img -> Transform.rotate(img, -30), 44, 37);
      Transform.RotatePlan plan = Transform.rotatePlan("t", 1920, 1080, 45, Transform.Rotate.DEFAULTS);
      assertEquals(List.of(2121, 2121), List.of(plan.width(), plan.height()));
    }

    @Test
    void uniformImageKeepsItsColourInsideAndIsTransparentOutside() {
      float[] c = {0.25f, 0.5f, 0.75f, 1f};
      for (Interpolation i : Interpolation.values()) {
        float[] out = run(40, 20, uniform(40, 20, c),
            img -> Transform.rotate(img, 35, Transform.Rotate.DEFAULTS.withInterpolation(i)), 44, 39);
        float tolerance = i == Interpolation.NEAREST || i == Interpolation.BILINEAR ? 0 : 1e-6f;
        assertArrayEquals(c, pixel(out, 44, 22, 19), tolerance, i.id());
        assertArrayEquals(CLEAR, pixel(out, 44, 0, 0), i.id());
        assertArrayEquals(CLEAR, pixel(out, 44, 43, 38), i.id());
      }
    }

    @Test
    void fortyFiveDegreesNearestByHand() {
      // 3 × 3, not expanded: centres (1, 1); cos = sin = 0.7071.
      // (0, 1): dx = −1, dy = 0: sx = 1 − 0.7071, sy = 1 + 0.7071 → nearest (0, 2), the bottom-left pixel.
      // (2, 1): sx = 1.7071, sy = 0.2929 → (2, 0).  (0, 0): sx = −0.414 (inside −0.5), sy = 1 → (0, 1).
      Transform.Rotate nearest = new Transform.Rotate(false, Interpolation.NEAREST);
      float[] out = run(3, 3, indexImage(3, 3), img -> Transform.rotate(img, 45, nearest), 3, 3);
      assertArrayEquals(source(1, 1), pixel(out, 3, 1, 1));
      assertArrayEquals(source(0, 2), pixel(out, 3, 0, 1));
      assertArrayEquals(source(2, 0), pixel(out, 3, 2, 1));
      assertArrayEquals(source(0, 1), pixel(out, 3, 0, 0));
    }

    @Test
    void intoSetsTheRotatedSize() {
      try (Image src = image(40, 20, new float[40 * 20 * 4]); Image dst = new Image(50, 50, BackendKind.CPU)) {
        Transform.rotateInto(dst, src, 30);
        assertEquals(List.of(44, 37), List.of(dst.width(), dst.height()));
        Transform.rotateInto(dst, src, 30, Transform.Rotate.DEFAULTS.withExpand(false));
        assertEquals(List.of(40, 20), List.of(dst.width(), dst.height()));
        Transform.rotateInto(dst, src, 90);
        assertEquals(List.of(20, 40), List.of(dst.width(), dst.height()));
      }
    }

    @Test
    void optionsRecordCopies() {
      Transform.Rotate r = Transform.Rotate.DEFAULTS.withExpand(false).withInterpolation(Interpolation.BICUBIC);
      assertEquals(new Transform.Rotate(false, Interpolation.BICUBIC), r);
      assertEquals(new Transform.Rotate(true, Interpolation.BILINEAR), Transform.Rotate.DEFAULTS);
    }
  }

  @Nested
  class Crop {
    private final float[] src = indexImage(4, 3);

    @Test
    void theWholeImageIsACopy() {
      assertArrayEquals(src, run(4, 3, src, img -> Transform.crop(img, 0, 0, 4, 3), 4, 3));
    }

    @Test
    void insideRegionIsCopied() {
      float[] out = run(4, 3, src, img -> Transform.crop(img, 1, 1, 2, 2), 2, 2);
      assertArrayEquals(source(1, 1), pixel(out, 2, 0, 0));
      assertArrayEquals(source(2, 2), pixel(out, 2, 1, 1));
    }

    @Test
    void partlyOutsideIsTransparentThere() {
      // (−1, 1, 3 × 3): dst(i, j) = src(i − 1, j + 1) where 0 ≤ i − 1 < 4 and 0 ≤ j + 1 < 3.
      float[] out = run(4, 3, src, img -> Transform.crop(img, -1, 1, 3, 3), 3, 3);
      for (int j = 0; j < 3; j++) {
        for (int i = 0; i < 3; i++) {
          float[] expected = i >= 1 && j <= 1 ? source(i - 1, j + 1) : CLEAR;
          assertArrayEquals(expected, pixel(out, 3, i, j), "pixel (" + i + ", " + j + ")");
        }
      }
      float[] corner = run(4, 3, src, img -> Transform.crop(img, 3, 2, 2, 2), 2, 2);
      assertArrayEquals(source(3, 2), pixel(corner, 2, 0, 0));
      assertArrayEquals(CLEAR, pixel(corner, 2, 1, 0));
      assertArrayEquals(CLEAR, pixel(corner, 2, 0, 1));
      assertArrayEquals(CLEAR, pixel(corner, 2, 1, 1));
    }

    @Test
    void whollyOutsideIsTransparentEvenAtTheIntLimits() {
      float[] none = new float[2 * 2 * 4];
      assertArrayEquals(none, run(4, 3, src, img -> Transform.crop(img, 10, 0, 2, 2), 2, 2));
      assertArrayEquals(none, run(4, 3, src, img -> Transform.crop(img, -2, -2, 2, 2), 2, 2));
      assertArrayEquals(none, run(4, 3, src,
          img -> Transform.crop(img, Integer.MAX_VALUE, Integer.MIN_VALUE, 2, 2), 2, 2));
      assertArrayEquals(none, run(4, 3, src, img -> Transform.crop(img, Integer.MIN_VALUE, 0, 2, 2), 2, 2));
    }

    @Test
    void intoClearsWhatLiesOutsideAndSetsTheSize() {
      try (Image img = image(4, 3, src); Image dst = new Image(5, 5, BackendKind.CPU)) {
        Fill.color(dst, Rgba.WHITE);
        Transform.cropInto(dst, img, 2, -1, 3, 2);
        assertEquals(List.of(3, 2), List.of(dst.width(), dst.height()));
        float[] out = Images.download(dst);
        assertArrayEquals(CLEAR, pixel(out, 3, 0, 0));
        assertArrayEquals(source(2, 0), pixel(out, 3, 0, 1));
        assertArrayEquals(source(3, 0), pixel(out, 3, 1, 1));
        assertArrayEquals(CLEAR, pixel(out, 3, 2, 1));
      }
    }
  }

  @Nested
  class Zoom {
    private final float[] src = indexImage(8, 8);

    @Test
    void factorOneAboutTheCentreIsTheIdentity() {
      float[] random = new float[5 * 4 * 4];
      Random r = new Random(5);
      for (int i = 0; i < random.length; i++) {
        random[i] = r.nextFloat();
      }
      Transform.Zoom nearest = Transform.Zoom.DEFAULTS.withInterpolation(Interpolation.NEAREST);
      assertArrayEquals(random, run(5, 4, random, img -> Transform.zoom(img, 1, nearest), 5, 4));
      assertArrayEquals(random, run(5, 4, random, img -> Transform.zoom(img, 1), 5, 4), 1e-6f);
    }

    @Test
    void twoTimesAboutTheDefaultCentre() {
      // Centre (4, 4), viewport 4 × 4 from (2, 2): sx = 2 + x/2; nearest takes floor(sx + 0.5).
      Transform.Zoom nearest = Transform.Zoom.DEFAULTS.withInterpolation(Interpolation.NEAREST);
      float[] out = run(8, 8, src, img -> Transform.zoom(img, 2, nearest), 8, 8);
      assertArrayEquals(source(2, 2), pixel(out, 8, 0, 0));
      assertArrayEquals(source(3, 2), pixel(out, 8, 1, 0));
      assertArrayEquals(source(3, 5), pixel(out, 8, 2, 5));
      assertArrayEquals(source(6, 6), pixel(out, 8, 7, 7));
      // Bilinear at x = 1: sx = 2.5, halfway between columns 2 and 3.
      float[] smooth = run(8, 8, src, img -> Transform.zoom(img, 2), 8, 8);
      assertArrayEquals(new float[] {2.5f, 2, 0.5f, 1}, pixel(smooth, 8, 1, 0));
    }

    @Test
    void centreIsWhereTheZoomLooks() {
      // Centre (2, 6): viewport 4 × 4 from (0, 4): sx = x/2, sy = 4 + y/2.
      Transform.Zoom at = new Transform.Zoom(2, 6, Interpolation.BILINEAR);
      float[] out = run(8, 8, src, img -> Transform.zoom(img, 2, at), 8, 8);
      assertArrayEquals(source(0, 4), pixel(out, 8, 0, 0));
      assertArrayEquals(new float[] {1.5f, 5.5f, 0.5f, 1}, pixel(out, 8, 3, 3));
      // Per axis: only centerY given, x at the image centre.
      float[] half = run(8, 8, src, img -> Transform.zoom(img, 2, Transform.Zoom.DEFAULTS.withCenterY(6)), 8, 8);
      assertArrayEquals(new float[] {2, 4, 0.5f, 1}, pixel(half, 8, 0, 0));
      float[] nan = run(8, 8, src, img -> Transform.zoom(img, 2, at.withImageCenter()), 8, 8);
      assertArrayEquals(run(8, 8, src, img -> Transform.zoom(img, 2), 8, 8), nan, "IMAGE_CENTER is the default");
    }

    @Test
    void centreIsClampedToTheImage() {
      float[] outside = run(8, 8, src, img -> Transform.zoom(img, 2, Transform.Zoom.DEFAULTS.withCenter(-5, 100)),
          8, 8);
      float[] corner = run(8, 8, src, img -> Transform.zoom(img, 2, Transform.Zoom.DEFAULTS.withCenter(0, 7)), 8, 8);
      assertArrayEquals(corner, outside);
      // Centre (0, 7): viewport from (−2, 5): the left quarter is outside the source, transparent.
      assertArrayEquals(CLEAR, pixel(corner, 8, 3, 0));
      assertArrayEquals(source(0, 5), pixel(corner, 8, 4, 0));
    }

    @Test
    void zoomingOutLeavesTransparentMargins() {
      // 0.5: viewport 16 × 16 from (−4, −4): sx = −4 + 2x, inside [0, 8) for x = 2..5.
      Transform.Zoom nearest = Transform.Zoom.DEFAULTS.withInterpolation(Interpolation.NEAREST);
      float[] out = run(8, 8, src, img -> Transform.zoom(img, 0.5f, nearest), 8, 8);
      assertArrayEquals(CLEAR, pixel(out, 8, 1, 4));
      assertArrayEquals(CLEAR, pixel(out, 8, 6, 4));
      assertArrayEquals(source(0, 0), pixel(out, 8, 2, 2));
      assertArrayEquals(source(6, 2), pixel(out, 8, 5, 3));
    }

    @Test
    void intoKeepsTheDestinationsSize() {
      // dst 4 × 2 at zoom 1: viewport 4 × 2 around (4, 4), from (2, 3): dst(x, y) = src(2 + x, 3 + y).
      try (Image img = image(8, 8, src); Image dst = new Image(4, 2, BackendKind.CPU)) {
        Transform.zoomInto(dst, img, 1);
        assertEquals(List.of(4, 2), List.of(dst.width(), dst.height()));
        float[] out = Images.download(dst);
        for (int y = 0; y < 2; y++) {
          for (int x = 0; x < 4; x++) {
            assertArrayEquals(source(2 + x, 3 + y), pixel(out, 4, x, y));
          }
        }
        Transform.zoomInto(dst, img, 2, Transform.Zoom.DEFAULTS.withInterpolation(Interpolation.LANCZOS));
        assertEquals(List.of(4, 2), List.of(dst.width(), dst.height()));
      }
    }

    @Test
    void optionsRecordCopies() {
      Transform.Zoom z = Transform.Zoom.DEFAULTS.withCenterX(3).withInterpolation(Interpolation.BICUBIC);
      assertEquals(3f, z.centerX());
      assertTrue(Float.isNaN(z.centerY()));
      assertEquals(new Transform.Zoom(1, 2, Interpolation.BICUBIC), z.withCenter(1, 2));
      assertEquals(Transform.Zoom.DEFAULTS, new Transform.Zoom(Float.NaN, Float.NaN, Interpolation.BILINEAR));
    }

    @Test
    void interpolationsParseTheReferenceNames() {
      for (Interpolation i : Interpolation.values()) {
        assertEquals(i, Interpolation.parse(i.id()));
      }
      assertMessage(IllegalArgumentException.class, "Invalid interpolation 'cubic': expected nearest, bilinear, "
          + "bicubic or lanczos", () -> Interpolation.parse("cubic"));
    }
  }

  @Nested
  class Errors {
    @Test
    void nonFiniteAndOutOfRangeNumbersAreRefused() {
      try (Image img = new Image(4, 4, BackendKind.CPU); Image dst = new Image(4, 4, BackendKind.CPU)) {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          assertMessage(IllegalArgumentException.class, "Transform.rotate: angle must be a finite number",
              () -> Transform.rotate(img, bad));
          assertMessage(IllegalArgumentException.class, "Transform.rotateInto: angle must be a finite number",
              () -> Transform.rotateInto(dst, img, bad));
        }
        for (float bad : new float[] {0, -1, Float.NaN, Float.NEGATIVE_INFINITY}) {
          assertMessage(IllegalArgumentException.class, "Transform.zoom: zoomFactor must be positive",
              () -> Transform.zoom(img, bad));
          assertMessage(IllegalArgumentException.class, "Transform.zoomInto: zoomFactor must be positive",
              () -> Transform.zoomInto(dst, img, bad));
        }
        assertMessage(IllegalArgumentException.class, "zoomFactor must be a finite number",
            () -> Transform.zoom(img, Float.POSITIVE_INFINITY));
        assertMessage(IllegalArgumentException.class, "options.centerX must be a finite number",
            () -> Transform.zoom(img, 2, Transform.Zoom.DEFAULTS.withCenterX(Float.POSITIVE_INFINITY)));
        assertMessage(IllegalArgumentException.class, "options.centerY must be a finite number",
            () -> Transform.zoom(img, 2, Transform.Zoom.DEFAULTS.withCenterY(Float.NEGATIVE_INFINITY)));
        assertMessage(IllegalArgumentException.class, "Transform.crop: width must be positive, got 0",
            () -> Transform.crop(img, 0, 0, 0, 2));
        assertMessage(IllegalArgumentException.class, "Transform.crop: height must be positive, got -2",
            () -> Transform.crop(img, 0, 0, 2, -2));
        assertMessage(IllegalArgumentException.class, "Transform.cropInto: width must be at most 32768",
            () -> Transform.cropInto(dst, img, 0, 0, 40000, 1));
      }
    }

    @Test
    void anExpandedRotationBeyond32768IsRefused() {
      assertMessage(IllegalArgumentException.class, "Transform.rotate: the rotated image would be 46340x46340; "
          + "sides must be at most 32768", () -> Transform.rotatePlan("Transform.rotate", 32768, 32768, 45,
              Transform.Rotate.DEFAULTS));
      Transform.RotatePlan kept = Transform.rotatePlan("t", 32768, 32768, 45, Transform.Rotate.DEFAULTS
          .withExpand(false));
      assertEquals(List.of(32768, 32768), List.of(kept.width(), kept.height()));
    }

    @Test
    void nullArgumentsAreRefused() {
      try (Image img = new Image(4, 4, BackendKind.CPU); Image dst = new Image(4, 4, BackendKind.CPU)) {
        assertMessage(NullPointerException.class, "Transform.flip: image is null", () -> Transform.flip(null));
        assertMessage(NullPointerException.class, "Transform.flip: direction is null",
            () -> Transform.flip(img, null));
        assertMessage(NullPointerException.class, "Transform.flipInto: dst is null",
            () -> Transform.flipInto(null, img));
        assertMessage(NullPointerException.class, "Transform.rotate: options is null",
            () -> Transform.rotate(img, 10, null));
        assertMessage(NullPointerException.class, "Transform.rotate: options.interpolation is null",
            () -> Transform.rotate(img, 10, new Transform.Rotate(true, null)));
        assertMessage(NullPointerException.class, "Transform.crop: image is null",
            () -> Transform.crop(null, 0, 0, 1, 1));
        assertMessage(NullPointerException.class, "Transform.zoom: options is null",
            () -> Transform.zoom(img, 2, null));
        assertMessage(NullPointerException.class, "Transform.zoomInto: options.interpolation is null",
            () -> Transform.zoomInto(dst, img, 2, Transform.Zoom.DEFAULTS.withInterpolation(null)));
        assertMessage(NullPointerException.class, "Transform.zoomInto: image is null",
            () -> Transform.zoomInto(dst, null, 2));
      }
    }

    @Test
    void freedImagesAreRefused() {
      Image freed = new Image(2, 2, BackendKind.CPU);
      freed.free();
      try (Image live = new Image(2, 2, BackendKind.CPU)) {
        assertMessage(IllegalStateException.class, "Transform.flip: image has been freed",
            () -> Transform.flip(freed));
        assertMessage(IllegalStateException.class, "Transform.rotate: image has been freed",
            () -> Transform.rotate(freed, 0));
        assertMessage(IllegalStateException.class, "Transform.crop: image has been freed",
            () -> Transform.crop(freed, 0, 0, 2, 2));
        assertMessage(IllegalStateException.class, "Transform.zoom: image has been freed",
            () -> Transform.zoom(freed, 1));
        assertMessage(IllegalStateException.class, "Transform.rotateInto: dst has been freed",
            () -> Transform.rotateInto(freed, live, 90));
        assertMessage(IllegalStateException.class, "Transform.cropInto: dst has been freed",
            () -> Transform.cropInto(freed, live, 0, 0, 1, 1));
        assertMessage(IllegalStateException.class, "Transform.zoomInto: dst has been freed",
            () -> Transform.zoomInto(freed, live, 2));
        assertMessage(IllegalStateException.class, "Transform.flipInto: image has been freed",
            () -> Transform.flipInto(live, freed, FlipDirection.BOTH));
      }
    }

    @Test
    void dstMustNotBeTheSource() {
      try (Image img = new Image(4, 4, BackendKind.CPU)) {
        assertMessage(IllegalArgumentException.class, "must be different images", () -> Transform.flipInto(img, img));
        assertMessage(IllegalArgumentException.class, "must be different images",
            () -> Transform.rotateInto(img, img, 0));
        assertMessage(IllegalArgumentException.class, "must be different images",
            () -> Transform.cropInto(img, img, 0, 0, 4, 4));
        assertMessage(IllegalArgumentException.class, "must be different images",
            () -> Transform.zoomInto(img, img, 1));
      }
    }

    @Test
    void dstCapacityIsChecked() {
      try (Image img = new Image(4, 4, BackendKind.CPU); Image small = new Image(3, 3, BackendKind.CPU)) {
        assertMessage(CapacityExceededException.class, "Transform.flipInto: dst needs 4x4 (16 px), which would "
            + "exceed buffer capacity of 9 px", () -> Transform.flipInto(small, img));
        assertMessage(CapacityExceededException.class, "exceed buffer capacity",
            () -> Transform.rotateInto(small, img, 45));
        assertMessage(CapacityExceededException.class, "exceed buffer capacity",
            () -> Transform.cropInto(small, img, 0, 0, 2, 5));
        assertEquals(List.of(3, 3), List.of(small.width(), small.height()));
        // zoomInto never resizes: any dst fits.
        Transform.zoomInto(small, img, 2);
        assertEquals(List.of(3, 3), List.of(small.width(), small.height()));
      }
    }
  }

  @Test
  void resultsLiveOnTheSourcesBackend() {
    try (Image img = new Image(4, 4, BackendKind.CPU); Image a = Transform.flip(img); Image b = Transform.rotate(img,
        33); Image c = Transform.crop(img, 1, 1, 2, 2); Image d = Transform.zoom(img, 3)) {
      for (Image out : Arrays.asList(a, b, c, d)) {
        assertEquals(BackendKind.CPU, out.backend());
      }
    }
  }
}
