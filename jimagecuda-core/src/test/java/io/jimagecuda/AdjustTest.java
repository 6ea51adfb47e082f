package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Adjust} on the CPU backend: pixels worked out by hand from the formulas of spec §3.3 and §2.2,
 * the identities, alpha, and every error.
 */
class AdjustTest {
  private static final float EPS = 1e-6f;
  private static final float NAN = Float.NaN;

  /** Uploads {@code pixels} (RGBA, one row) to a new CPU image, runs {@code op} and returns the pixels. */
  private static float[] apply(float[] pixels, Consumer<Image> op) {
    try (Image img = new Image(pixels.length / 4, 1, BackendKind.CPU)) {
      Images.upload(img, pixels);
      op.accept(img);
      return Images.download(img);
    }
  }

  private static float[] px(float... values) {
    return values;
  }

  /** Pixels no op should treat specially, including values outside 0..1 and NaN. */
  private static final float[] ODD = px(0.1f, 0.5f, 0.9f, 0.25f, 2f, -1f, NAN, 0.5f, 0f, 0f, 0f, 0f,
      0.3f, 0.6f, 0.2f, 1.5f);

  /** An op with its API name, its parameter's name, a call, its identity and a value that changes pixels. */
  private record Op(String name, String param, ApiCall call, float identity, float effective) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  private interface ApiCall {
    void run(Image image, float value);
  }

  private static final List<Op> OPS = List.of(
      new Op("brightness", "factor", Adjust::brightness, 0f, 0.2f),
      new Op("contrast", "factor", Adjust::contrast, 1f, 1.5f),
      new Op("saturation", "factor", Adjust::saturation, 1f, 0f),
      new Op("gamma", "gamma", Adjust::gamma, 1f, 0.6f),
      new Op("opacity", "factor", Adjust::opacity, 1f, 0.5f),
      new Op("vibrance", "amount", Adjust::vibrance, 0f, 0.8f),
      new Op("hue", "degrees", Adjust::hue, 0f, 180f));

  static Stream<Op> ops() {
    return OPS.stream();
  }

  static Stream<Op> colourOps() {
    return OPS.stream().filter(op -> !op.name().equals("opacity"));
  }

  @Nested
  class Brightness {
    @Test
    void addsTheFactorToRedGreenAndBlue() {
      float[] out = apply(px(0.1f, 0.25f, 0.5f, 0.4f), img -> Adjust.brightness(img, 0.2f));
      assertArrayEquals(px(0.3f, 0.45f, 0.7f, 0.4f), out, EPS);
    }

    @Test
    void clampsToZeroAndOne() {
      float[] out = apply(px(0.9f, 1.5f, -0.5f, 1f, 0.2f, 0.1f, -3f, 1f), img -> Adjust.brightness(img, 0.2f));
      assertArrayEquals(px(1f, 1f, 0f, 1f, 0.4f, 0.3f, 0f, 1f), out, EPS);
      out = apply(px(0.2f, 0.5f, 1.4f, 1f), img -> Adjust.brightness(img, -0.3f));
      assertArrayEquals(px(0f, 0.2f, 1f, 1f), out, EPS);
    }

    @Test
    void aNanChannelBecomesOne() {
      // clampA = max(0, min(1, v)) with CUDA's fminf/fmaxf: NaN becomes 1 (spec §1.9).
      assertArrayEquals(px(1f, 0.7f, 0.2f, 0.5f), apply(px(NAN, 0.5f, 0f, 0.5f), img -> Adjust.brightness(img, 0.2f)),
          EPS);
    }
  }

  @Nested
  class Contrast {
    @Test
    void scalesAroundMidGrey() {
      assertArrayEquals(px(0.2f, 0.5f, 0.8f, 0.6f),
          apply(px(0.3f, 0.5f, 0.7f, 0.6f), img -> Adjust.contrast(img, 1.5f)), EPS);
      assertArrayEquals(px(0.4f, 0.5f, 0.6f, 0.6f),
          apply(px(0.3f, 0.5f, 0.7f, 0.6f), img -> Adjust.contrast(img, 0.5f)), EPS);
    }

    @Test
    void zeroGivesFlatGreyAndNegativeInverts() {
      assertArrayEquals(px(0.5f, 0.5f, 0.5f, 1f), apply(px(0f, 0.3f, 1f, 1f), img -> Adjust.contrast(img, 0f)), 0f);
      assertArrayEquals(px(0.7f, 0.5f, 0.3f, 1f), apply(px(0.3f, 0.5f, 0.7f, 1f), img -> Adjust.contrast(img, -1f)),
          EPS);
    }

    @Test
    void clampsToZeroAndOne() {
      // (0.9 − 0.5)·3 + 0.5 = 1.7 → 1; (0.1 − 0.5)·3 + 0.5 = −0.7 → 0.
      assertArrayEquals(px(1f, 0f, 0.5f, 1f), apply(px(0.9f, 0.1f, 0.5f, 1f), img -> Adjust.contrast(img, 3f)), EPS);
    }
  }

  @Nested
  class Saturation {
    /** Luma of (0.2, 0.4, 0.8): 0.299·0.2 + 0.587·0.4 + 0.114·0.8. */
    private static final float L = 0.3858f;

    @Test
    void zeroGivesTheLumaGrey() {
      float[] out = apply(px(0.2f, 0.4f, 0.8f, 0.5f, 1f, 0f, 0f, 1f), img -> Adjust.saturation(img, 0f));
      assertArrayEquals(px(L, L, L, 0.5f, 0.299f, 0.299f, 0.299f, 1f), out, EPS);
      assertEquals(out[0], out[1]);
      assertEquals(out[0], out[2]);
    }

    @Test
    void moreThanOneMovesAwayFromTheLumaAndClamps() {
      // 2c − L: 0.0142, 0.4142, 1.2142 → 1.
      assertArrayEquals(px(0.0142f, 0.4142f, 1f, 0.5f),
          apply(px(0.2f, 0.4f, 0.8f, 0.5f), img -> Adjust.saturation(img, 2f)), EPS);
    }

    @Test
    void negativeInvertsTheChromaAroundTheLuma() {
      // 2L − c: 0.5716, 0.3716, −0.0284 → 0.
      assertArrayEquals(px(0.5716f, 0.3716f, 0f, 0.5f),
          apply(px(0.2f, 0.4f, 0.8f, 0.5f), img -> Adjust.saturation(img, -1f)), EPS);
    }
  }

  @Nested
  class Gamma {
    @Test
    void raisesToTheInverseOfGamma() {
      float[] out = apply(px(0.25f, 0.0625f, 1f, 0.3f, 0f, 0.5f, 0.81f, 1f), img -> Adjust.gamma(img, 2f));
      assertArrayEquals(px(0.5f, 0.25f, 1f, 0.3f, 0f, (float) Math.sqrt(0.5), 0.9f, 1f), out, EPS);
      out = apply(px(0.5f, 0.9f, 0.2f, 1f), img -> Adjust.gamma(img, 0.5f));
      assertArrayEquals(px(0.25f, 0.81f, 0.04f, 1f), out, EPS);
    }

    @Test
    void negativeValuesBecomeZeroAndValuesAboveOneAreNotClamped() {
      float[] out = apply(px(-0.5f, 4f, 2f, 1f), img -> Adjust.gamma(img, 2f));
      assertArrayEquals(px(0f, 2f, (float) Math.sqrt(2), 1f), out, EPS);
      out = apply(px(2f, 1.5f, NAN, 1f), img -> Adjust.gamma(img, 0.5f));
      assertArrayEquals(px(4f, 2.25f, 0f, 1f), out, EPS);
    }

    @Test
    void theInverseIsRoundedToFloatOnce() {
      // 1/0.6 in float is 1.6666666, not 5/3: the exponent the reference's kernel receives.
      float inv = 1f / 0.6f;
      assertArrayEquals(px((float) Math.pow(0.5f, inv), (float) Math.pow(0.3f, inv), 0f, 1f),
          apply(px(0.5f, 0.3f, 0f, 1f), img -> Adjust.gamma(img, 0.6f)), 0f);
    }

    @Test
    void gammasBelowTheReferencesNativeLimitAreAccepted() {
      // The reference's native layer refused gamma ≤ 0.001; here any positive gamma is a (steep) curve.
      float[] out = apply(px(0.5f, 1f, 0f, 0.7f), img -> Adjust.gamma(img, 0.0005f));
      assertArrayEquals(px(0f, 1f, 0f, 0.7f), out, 0f);
    }

    @Test
    void zeroOrNegativeIsRefused() {
      try (Image img = new Image(1, 1, BackendKind.CPU)) {
        for (float g : new float[] {0f, -0f, -1f, -Float.MIN_VALUE}) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Adjust.gamma(img, g));
          assertEquals("Adjust.gamma: gamma must be positive, got " + g, e.getMessage());
        }
      }
    }
  }

  @Nested
  class Opacity {
    @Test
    void multipliesAlphaAndKeepsTheColour() {
      float[] out = apply(px(0.2f, 0.4f, 0.8f, 0.6f, 0.1f, 0.2f, 0.3f, 1f, 0.5f, 0.5f, 0.5f, 0f),
          img -> Adjust.opacity(img, 0.5f));
      assertArrayEquals(px(0.2f, 0.4f, 0.8f, 0.3f, 0.1f, 0.2f, 0.3f, 0.5f, 0.5f, 0.5f, 0.5f, 0f), out, EPS);
    }

    @Test
    void alphaIsClampedToOne() {
      // The reference lets alpha grow past 1 (spec §5.4); here opaque pixels stay opaque.
      float[] out = apply(px(0.2f, 0.4f, 0.8f, 0.3f, 0.1f, 0.2f, 0.3f, 1f, 0f, 0f, 0f, 0.75f),
          img -> Adjust.opacity(img, 2f));
      assertArrayEquals(px(0.2f, 0.4f, 0.8f, 0.6f, 0.1f, 0.2f, 0.3f, 1f, 0f, 0f, 0f, 1f), out, EPS);
    }

    @Test
    void aNegativeFactorMakesThePixelsTransparent() {
      float[] out = apply(px(0.2f, 0.4f, 0.8f, 0.3f, 0.1f, 0.2f, 0.3f, 1f), img -> Adjust.opacity(img, -1f));
      assertArrayEquals(px(0.2f, 0.4f, 0.8f, 0f, 0.1f, 0.2f, 0.3f, 0f), out, 0f);
    }

    @Test
    void alphaAboveOneIsBroughtBackIntoRange() {
      assertArrayEquals(px(0.2f, 0.4f, 0.8f, 1f), apply(px(0.2f, 0.4f, 0.8f, 3f), img -> Adjust.opacity(img, 0.5f)),
          0f);
    }
  }

  @Nested
  class Vibrance {
    @Test
    void boostsAMutedColourByAmountTimesSTimesOneMinusS() {
      // (0.25, 0.25, 0.5): h = 240, s = 0.5, v = 0.5; s' = 0.5 + 0.8·0.5·0.5 = 0.7; c = 0.35, m = 0.15.
      assertArrayEquals(px(0.15f, 0.15f, 0.5f, 0.4f),
          apply(px(0.25f, 0.25f, 0.5f, 0.4f), img -> Adjust.vibrance(img, 0.8f)), EPS);
    }

    @Test
    void skinTonesGetAThirdOfTheBoost() {
      // (0.5, 0.375, 0.25): h = 30, s = 0.5; s' = 0.5 + 1·0.25·0.3 = 0.575; c = 0.2875, xx = 0.14375,
      // m = 0.2125.
      assertArrayEquals(px(0.5f, 0.35625f, 0.2125f, 1f),
          apply(px(0.5f, 0.375f, 0.25f, 1f), img -> Adjust.vibrance(img, 1f)), EPS);
    }

    @Test
    void negativeAmountsMuteAndTheSaturationIsClamped() {
      assertArrayEquals(px(0.375f, 0.375f, 0.5f, 1f),
          apply(px(0.25f, 0.25f, 0.5f, 1f), img -> Adjust.vibrance(img, -1f)), EPS);
      // s' = 0.5 + 10·0.25 = 3 → 1: c = v, m = 0.
      assertArrayEquals(px(0f, 0f, 0.5f, 1f), apply(px(0.25f, 0.25f, 0.5f, 1f), img -> Adjust.vibrance(img, 10f)),
          EPS);
    }

    @Test
    void greysAndNearGreysAreUntouched() {
      // s = 0.0004 / 0.5004 < 0.001.
      float[] in = px(0.5f, 0.5f, 0.5f, 1f, 0.5f, 0.5f, 0.5004f, 0.3f, 0f, 0f, 0f, 0f);
      assertArrayEquals(in, apply(in, img -> Adjust.vibrance(img, 1f)), 0f);
    }
  }

  @Nested
  class Hue {
    @Test
    void rotatesPrimariesExactly() {
      float[] red = px(1f, 0f, 0f, 0.5f);
      assertArrayEquals(px(0f, 1f, 0f, 0.5f), apply(red, img -> Adjust.hue(img, 120f)), 0f);
      assertArrayEquals(px(0f, 0f, 1f, 0.5f), apply(red, img -> Adjust.hue(img, 240f)), 0f);
      assertArrayEquals(px(0f, 0f, 1f, 0.5f), apply(red, img -> Adjust.hue(img, -120f)), 0f);
      assertArrayEquals(px(1f, 0f, 0f, 1f), apply(px(0f, 0f, 1f, 1f), img -> Adjust.hue(img, 120f)), 0f);
    }

    @Test
    void halfATurnGivesTheComplementaryColour() {
      // (0.2, 0.4, 0.8): h = 220, s = 0.75, v = 0.8 → h' = 40: c = 0.6, xx = 0.4, m = 0.2.
      assertArrayEquals(px(0.8f, 0.6f, 0.2f, 1f), apply(px(0.2f, 0.4f, 0.8f, 1f), img -> Adjust.hue(img, 180f)), EPS);
    }

    @Test
    void greysAreUnchanged() {
      float[] greys = px(0.5f, 0.5f, 0.5f, 1f, 0f, 0f, 0f, 0f, 1f, 1f, 1f, 0.5f, 0.123f, 0.123f, 0.123f, 0.7f);
      assertArrayEquals(greys, apply(greys, img -> Adjust.hue(img, 77f)), 0f);
    }

    @Test
    void valuesAboveOneAreNotClamped() {
      // (2, 0, 0): h = 0, s = 1, v = 2 → h' = 120: (0, 2, 0).
      assertArrayEquals(px(0f, 2f, 0f, 1f), apply(px(2f, 0f, 0f, 1f), img -> Adjust.hue(img, 120f)), 0f);
    }

    @Test
    void largeAnglesActLikeTheirRemainderModulo360() {
      // 1e9 = 2777777·360 + 280. Added to the hue in float, as the reference does, it would swamp it.
      float[] in = px(0.2f, 0.4f, 0.8f, 1f, 0.5f, 0.375f, 0.25f, 1f, 0.9f, 0.1f, 0.4f, 1f);
      assertArrayEquals(apply(in, img -> Adjust.hue(img, 280f)), apply(in, img -> Adjust.hue(img, 1e9f)), 0f);
      assertArrayEquals(apply(in, img -> Adjust.hue(img, -280f)), apply(in, img -> Adjust.hue(img, -1e9f)), 0f);
    }
  }

  @Nested
  class Identities {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jimagecuda.AdjustTest#ops")
    void theIdentityParameterLeavesAnExactCopy(Op op) {
      assertArrayEquals(ODD, apply(ODD, img -> op.call().run(img, op.identity())), 0f);
      assertArrayEquals(ODD, apply(ODD, img -> op.call().run(img, op.identity() + 5e-7f)), 0f);
    }

    @Test
    void hueMultiplesOf360AreIdentities() {
      for (float degrees : new float[] {360f, -360f, 720f, -1080f, 3600f}) {
        assertArrayEquals(ODD, apply(ODD, img -> Adjust.hue(img, degrees)), 0f, "hue " + degrees);
      }
    }

    @Test
    void justOutsideTheIdentityTheOpRuns() {
      // 1e-5 is beyond the reference's 1e-6 tolerance: brightness clamps the odd values.
      float[] out = apply(ODD, img -> Adjust.brightness(img, 1e-5f));
      assertEquals(1f, out[4]);
      assertEquals(0f, out[5]);
      assertEquals(1f, out[6]);
    }
  }

  @Nested
  class Alpha {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jimagecuda.AdjustTest#colourOps")
    void onlyOpacityTouchesAlpha(Op op) {
      float[] out = apply(ODD, img -> op.call().run(img, op.effective()));
      for (int i = 3; i < ODD.length; i += 4) {
        assertEquals(ODD[i], out[i], op + " alpha of pixel " + i / 4);
      }
    }

    @Test
    void transparentAndHalfTransparentPixelsKeepTheirAlphaAndAreAdjustedLikeOthers() {
      float[] in = px(0.2f, 0.4f, 0.8f, 0f, 0.2f, 0.4f, 0.8f, 0.5f, 0.2f, 0.4f, 0.8f, 1f);
      float[] out = apply(in, img -> Adjust.brightness(img, 0.1f));
      assertArrayEquals(px(0.3f, 0.5f, 0.9f, 0f, 0.3f, 0.5f, 0.9f, 0.5f, 0.3f, 0.5f, 0.9f, 1f), out, EPS);
      out = apply(in, img -> Adjust.hue(img, 180f));
      assertArrayEquals(px(0.8f, 0.6f, 0.2f, 0f, 0.8f, 0.6f, 0.2f, 0.5f, 0.8f, 0.6f, 0.2f, 1f), out, EPS);
    }
  }

  @Test
  void onlyTheLogicalAreaChanges() {
    try (Image img = new Image(3, 2, BackendKind.CPU)) {
      float[] all = new float[24];
      java.util.Arrays.fill(all, 0.5f);
      Images.upload(img, all);
      img.setLogicalSize(2, 1);
      Adjust.brightness(img, 0.25f);
      img.setLogicalSize(3, 2);
      float[] out = Images.download(img);
      for (int p = 0; p < 6; p++) {
        float expected = p < 2 ? 0.75f : 0.5f;
        assertArrayEquals(px(expected, expected, expected, 0.5f), java.util.Arrays.copyOfRange(out, p * 4, p * 4 + 4),
            "pixel " + p);
      }
    }
  }

  @Nested
  class Errors {
    static Stream<Arguments> nonFinite() {
      return OPS.stream().flatMap(op -> Stream.of(NAN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)
          .map(v -> Arguments.of(op, v)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonFinite")
    void nanAndInfinityAreRefusedByName(Op op, float value) {
      try (Image img = new Image(1, 1, BackendKind.CPU)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.call().run(img, value));
        assertEquals("Adjust." + op.name() + ": " + op.param() + " must be a finite number, got " + value,
            e.getMessage());
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jimagecuda.AdjustTest#ops")
    void aNullImageIsRefused(Op op) {
      NullPointerException e = assertThrows(NullPointerException.class, () -> op.call().run(null, op.effective()));
      assertEquals("Adjust." + op.name() + ": image is null", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jimagecuda.AdjustTest#ops")
    void aFreedImageIsRefusedEvenWithTheIdentityParameter(Op op) {
      Image img = new Image(1, 1, BackendKind.CPU);
      img.free();
      for (float value : new float[] {op.effective(), op.identity()}) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.call().run(img, value));
        assertTrue(e.getMessage().startsWith("Adjust." + op.name() + ": image has been freed or is invalid"),
            e.getMessage());
      }
    }

    @Test
    void nothingIsWrittenWhenAParameterIsRefused() {
      float[] in = px(0.2f, 0.4f, 0.8f, 0.5f);
      float[] out = apply(in, img -> assertThrows(IllegalArgumentException.class, () -> Adjust.gamma(img, -2f)));
      assertArrayEquals(in, out, 0f);
    }
  }
}
