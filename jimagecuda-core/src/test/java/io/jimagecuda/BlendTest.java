package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.parity.GpuOnly;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Blend} on the CPU backend: pixels worked out by hand from the formulas of spec §3.2 (with the
 * W3C source colour for the non-normal modes), placement by every anchor, clipping, aliasing and every
 * error.
 */
class BlendTest {
  private static final float EPS = 1e-6f;
  private static final float[] BLUE = {0, 0, 1, 1};
  private static final float[] RED = {1, 0, 0, 1};

  /** The seven modes, for tests that apply to all of them. */
  private interface Mode {
    void blend(Image base, Image overlay, Blend.Layer layer);
  }

  private static final List<Mode> MODES = List.of(Blend::normal, Blend::multiply, Blend::screen, Blend::add,
      Blend::overlay, Blend::softLight, Blend::hardLight);
  private static final List<Mode> NON_NORMAL = MODES.subList(1, MODES.size());

  /** A CPU image of {@code w × h} pixels whose channels are {@code px}, repeated to fill it. */
  private static Image image(int w, int h, float... px) {
    float[] data = new float[w * h * 4];
    for (int i = 0; i < data.length; i++) {
      data[i] = px[i % px.length];
    }
    Image img = new Image(w, h, BackendKind.CPU);
    Images.upload(img, data);
    return img;
  }

  /** A CPU image whose pixel {@code (x, y)} is {@code (x/10, y/10, 0.5, 1)}: each pixel says where it is. */
  private static Image coded(int w, int h) {
    float[] data = new float[w * h * 4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 4;
        data[i] = x / 10f;
        data[i + 1] = y / 10f;
        data[i + 2] = 0.5f;
        data[i + 3] = 1;
      }
    }
    Image img = new Image(w, h, BackendKind.CPU);
    Images.upload(img, data);
    return img;
  }

  private static float[] codedPixel(int x, int y) {
    return new float[] {x / 10f, y / 10f, 0.5f, 1};
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return Arrays.copyOfRange(px, i, i + 4);
  }

  private static void assertPixel(float[] expected, Image img, int x, int y, float tolerance) {
    assertArrayEquals(expected, pixel(Images.download(img), img.width(), x, y), tolerance,
        "pixel (" + x + ", " + y + ")");
  }

  /** Blends a 1×1 {@code overlay} pixel onto a 1×1 {@code base} pixel and returns the result. */
  private static float[] one(Mode mode, float[] base, float[] overlay, float opacity) {
    try (Image b = image(1, 1, base); Image o = image(1, 1, overlay)) {
      mode.blend(b, o, Blend.Layer.DEFAULTS.withOpacity(opacity));
      return Images.download(b);
    }
  }

  private static float[] one(Mode mode, float[] base, float[] overlay) {
    return one(mode, base, overlay, 1);
  }

  private static void assertRejected(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
  }

  @Nested
  class Normal {
    @Test
    void opaqueOverlayReplacesTheBase() {
      assertArrayEquals(new float[] {1, 0, 0.5f, 1}, one(Blend::normal, new float[] {0.2f, 0.4f, 0.6f, 1},
          new float[] {1, 0, 0.5f, 1}));
    }

    @Test
    void halfTransparentOverlayOnOpaqueBaseMixesHalfAndHalf() {
      assertArrayEquals(new float[] {0.6f, 0.2f, 0.55f, 1}, one(Blend::normal, new float[] {0.2f, 0.4f, 0.6f, 1},
          new float[] {1, 0, 0.5f, 0.5f}), EPS);
    }

    @Test
    void halfOverHalfDividesByTheOutputAlpha() {
      // αo = 0.5 + 0.5·0.5 = 0.75; r = (1·0.5 + 0.2·0.5·0.5)/0.75, g = 0.4·0.25/0.75, b = (0.25 + 0.15)/0.75.
      assertArrayEquals(new float[] {0.55f / 0.75f, 0.1f / 0.75f, 0.4f / 0.75f, 0.75f},
          one(Blend::normal, new float[] {0.2f, 0.4f, 0.6f, 0.5f}, new float[] {1, 0, 0.5f, 0.5f}), EPS);
    }

    @Test
    void fullyTransparentOverlayLeavesTheBase() {
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.7f}, one(Blend::normal,
          new float[] {0.2f, 0.4f, 0.6f, 0.7f}, new float[] {1, 1, 1, 0}), EPS);
    }

    @Test
    void transparentOnTransparentGivesTransparentBlack() {
      assertArrayEquals(new float[] {0, 0, 0, 0}, one(Blend::normal, new float[] {0.2f, 0.4f, 0.6f, 0},
          new float[] {1, 1, 1, 0}));
    }

    @Test
    void opacityScalesTheOverlayAlpha() {
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, one(Blend::normal, new float[] {0, 0, 0, 1},
          new float[] {1, 1, 1, 1}, 0.5f), EPS);
      // Opacity 0.5 on alpha 0.5 is alpha 0.25 over a transparent base: the overlay's colour, alpha 0.25.
      assertArrayEquals(new float[] {1, 0.5f, 0, 0.25f}, one(Blend::normal, new float[] {0, 0, 0, 0},
          new float[] {1, 0.5f, 0, 0.5f}, 0.5f), EPS);
    }

    @Test
    void opacityOneIsTheDefault() {
      float[] base = {0.2f, 0.4f, 0.6f, 0.5f};
      float[] overlay = {0.9f, 0.1f, 0.3f, 0.6f};
      try (Image b = image(1, 1, base); Image o = image(1, 1, overlay)) {
        Blend.normal(b, o);
        assertArrayEquals(one(Blend::normal, base, overlay, 1), Images.download(b));
      }
    }

    @Test
    void opacityZeroChangesNothingNotEvenTransparentPixels() {
      // The formula would clear the colour of the transparent base pixel; the shortcut returns first.
      float[] base = {0.2f, 0.4f, 0.6f, 0};
      for (Mode mode : MODES) {
        assertArrayEquals(base, one(mode, base, new float[] {1, 1, 1, 1}, 0));
        assertArrayEquals(base, one(mode, base, new float[] {1, 1, 1, 1}, Blend.MIN_OPACITY / 2));
      }
    }
  }

  @Nested
  class Modes {
    private final float[] opaqueBase = {0.5f, 0.2f, 1, 1};

    @Test
    void multiplyMultipliesTheChannels() {
      assertArrayEquals(new float[] {0.2f, 0.1f, 0.3f, 1}, one(Blend::multiply, opaqueBase,
          new float[] {0.4f, 0.5f, 0.3f, 1}), EPS);
      // Half-transparent overlay: half the product, half the base.
      assertArrayEquals(new float[] {0.35f, 0.15f, 0.65f, 1}, one(Blend::multiply, opaqueBase,
          new float[] {0.4f, 0.5f, 0.3f, 0.5f}), EPS);
    }

    @Test
    void screenInvertsTheProductOfTheInverses() {
      assertArrayEquals(new float[] {0.75f, 0.6f, 1, 1}, one(Blend::screen, new float[] {0.5f, 0.2f, 0, 1},
          new float[] {0.5f, 0.5f, 1, 1}), EPS);
    }

    @Test
    void addClampsAtOneButNotAtZero() {
      assertArrayEquals(new float[] {0.75f, 1, -0.25f, 1}, one(Blend::add, new float[] {0.5f, 0.7f, -0.5f, 1},
          new float[] {0.25f, 0.5f, 0.25f, 1}), EPS);
    }

    @Test
    void overlayBranchesOnTheBase() {
      // r: b < ½ → 2bs; g: b ≥ ½ → 1 − 2(1−b)(1−s); b: b = ½ takes the second branch.
      assertArrayEquals(new float[] {0.25f, 0.75f, 0.2f, 1}, one(Blend::overlay,
          new float[] {0.25f, 0.75f, 0.5f, 1}, new float[] {0.5f, 0.5f, 0.2f, 1}), EPS);
    }

    @Test
    void softLightIsThePegtopFormula() {
      // (1 − 2s)b² + 2sb: grey keeps 0.25, black squares 0.5, white gives 2b − b² = 0.75.
      assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 1}, one(Blend::softLight,
          new float[] {0.25f, 0.5f, 0.5f, 1}, new float[] {0.5f, 0, 1, 1}), EPS);
    }

    @Test
    void hardLightBranchesOnTheOverlay() {
      assertArrayEquals(new float[] {0.25f, 0.75f, 0.2f, 1}, one(Blend::hardLight,
          new float[] {0.5f, 0.5f, 0.2f, 1}, new float[] {0.25f, 0.75f, 0.5f, 1}), EPS);
    }

    @Test
    void hardLightIsOverlayWithTheLayersSwapped() {
      Random r = new Random(7);
      for (int i = 0; i < 200; i++) {
        float[] a = {r.nextFloat(), r.nextFloat(), r.nextFloat(), 1};
        float[] b = {r.nextFloat(), r.nextFloat(), r.nextFloat(), 1};
        assertArrayEquals(one(Blend::overlay, a, b), one(Blend::hardLight, b, a), EPS);
      }
    }

    @Test
    void transparentBaseShowsTheOverlaysOwnColourInEveryMode() {
      // W3C: C = (1 − αb)·s + αb·B, so αb = 0 gives s whatever RGB the transparent base holds.
      float[] base = {0.3f, 0.6f, 0.9f, 0};
      for (Mode mode : MODES) {
        assertArrayEquals(new float[] {0.8f, 0.4f, 0.2f, 1}, one(mode, base, new float[] {0.8f, 0.4f, 0.2f, 1}));
        assertArrayEquals(new float[] {0.8f, 0.4f, 0.2f, 0.5f},
            one(mode, base, new float[] {0.8f, 0.4f, 0.2f, 0.5f}), EPS);
      }
    }

    @Test
    void opaqueRedMultipliedOntoTransparentBlackStaysRed() {
      // The reference gives opaque black here (spec §5.2).
      assertArrayEquals(RED, one(Blend::multiply, new float[] {0, 0, 0, 0}, RED));
    }

    @Test
    void halfTransparentBaseMixesTheBlendWithTheOverlayColour() {
      // αb = ½, opaque overlay: out = ½·s + ½·b·s for multiply.
      assertArrayEquals(new float[] {0.75f, 0, 0.375f, 1}, one(Blend::multiply,
          new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new float[] {1, 0, 0.5f, 1}), EPS);
      // Half-transparent overlay too: αo = 0.75; C = (0.75, 0, 0.375);
      // out = (C·0.5 + b·0.5·0.5)/0.75 = ((0.375, 0, 0.1875) + 0.125)/0.75.
      assertArrayEquals(new float[] {0.5f / 0.75f, 0.125f / 0.75f, 0.3125f / 0.75f, 0.75f}, one(Blend::multiply,
          new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new float[] {1, 0, 0.5f, 0.5f}), EPS);
    }

    @Test
    void onOpaqueBasesEveryModeGivesTheReferenceFormulaBitForBit() {
      // The W3C mix is exact when αb = 1, so opaque bases (every conformance case) keep the reference's bits:
      // (B·αs + b·(1 − αs))·(1/αo), rounded as the reference's build rounds it.
      Random r = new Random(11);
      for (int mode = 1; mode < MODES.size(); mode++) {
        for (int i = 0; i < 300; i++) {
          float[] b = {r.nextFloat(), r.nextFloat(), r.nextFloat(), 1};
          float[] s = {r.nextFloat(), r.nextFloat(), r.nextFloat(), r.nextFloat()};
          float opacity = r.nextFloat();
          float as = s[3] * opacity;
          float k = 1 - as;
          float ao = mode <= 3 ? as + 1 * k : Math.fma(1, k, as);
          float inv = 1 / ao;
          float[] expected = new float[4];
          for (int c = 0; c < 3; c++) {
            float below = mode <= 3 ? b[c] * (1 * k) : (b[c] * 1) * k;
            expected[c] = Math.fma(reference(mode, b[c], s[c]), as, below) * inv;
          }
          expected[3] = ao;
          assertArrayEquals(expected, one(MODES.get(mode), b, s, opacity), "mode " + mode);
        }
      }
    }

    /** The reference's {@code B(b, s)}, rounded as its build rounds it (spec §3.2). */
    private float reference(int mode, float b, float s) {
      return switch (mode) {
        case 1 -> b * s;
        case 2 -> Math.fma(-(1 - b), 1 - s, 1);
        case 3 -> Math.min(b + s, 1);
        case 4 -> b < 0.5f ? 2 * b * s : Math.fma(-2 * (1 - b), 1 - s, 1);
        case 5 -> Math.fma(b, 2 * s, (1 - 2 * s) * b * b);
        default -> s < 0.5f ? 2 * s * b : Math.fma(-2 * (1 - s), 1 - b, 1);
      };
    }

    @Test
    void resultsAreNotClamped() {
      float[] out = one(Blend::normal, new float[] {0, 0, 0, 1}, new float[] {2, -1, 0.5f, 1});
      assertArrayEquals(new float[] {2, -1, 0.5f, 1}, out);
    }
  }

  @Nested
  class Placement {
    /** Base 5×4 of blue, a 2×2 red overlay at {@code anchor}: exactly the 2×2 block at (x, y) turns red. */
    private void assertRedBlockAt(Anchor anchor, int x, int y) {
      try (Image base = image(5, 4, BLUE); Image overlay = image(2, 2, RED)) {
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withAnchor(anchor));
        float[] px = Images.download(base);
        for (int by = 0; by < 4; by++) {
          for (int bx = 0; bx < 5; bx++) {
            boolean inside = bx >= x && bx < x + 2 && by >= y && by < y + 2;
            assertArrayEquals(inside ? RED : BLUE, pixel(px, 5, bx, by),
                anchor + ": pixel (" + bx + ", " + by + ")");
          }
        }
      }
    }

    @Test
    void eachAnchorPutsTheOverlayAtItsPoint() {
      // (5 − 2)/2 floors to 1, (4 − 2)/2 = 1.
      assertRedBlockAt(Anchor.TOP_LEFT, 0, 0);
      assertRedBlockAt(Anchor.TOP_CENTER, 1, 0);
      assertRedBlockAt(Anchor.TOP_RIGHT, 3, 0);
      assertRedBlockAt(Anchor.CENTER_LEFT, 0, 1);
      assertRedBlockAt(Anchor.CENTER, 1, 1);
      assertRedBlockAt(Anchor.CENTER_RIGHT, 3, 1);
      assertRedBlockAt(Anchor.BOTTOM_LEFT, 0, 2);
      assertRedBlockAt(Anchor.BOTTOM_CENTER, 1, 2);
      assertRedBlockAt(Anchor.BOTTOM_RIGHT, 3, 2);
    }

    @Test
    void offsetsAreAddedAfterTheAnchor() {
      try (Image base = image(5, 4, BLUE); Image overlay = image(1, 1, RED)) {
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withAnchor(Anchor.BOTTOM_RIGHT).withOffset(-1, -2));
        float[] px = Images.download(base);
        assertArrayEquals(RED, pixel(px, 5, 3, 1));
        assertArrayEquals(BLUE, pixel(px, 5, 4, 3));
      }
    }

    @Test
    void overlayLargerThanTheBaseIsCentredWithFloorDivision() {
      // floorDiv(3 − 6, 2) = −2 (truncation would give −1): base (x, y) shows overlay (x + 2, y + 2).
      try (Image base = image(3, 3, BLUE); Image overlay = coded(6, 6)) {
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER));
        float[] px = Images.download(base);
        for (int y = 0; y < 3; y++) {
          for (int x = 0; x < 3; x++) {
            assertArrayEquals(codedPixel(x + 2, y + 2), pixel(px, 3, x, y));
          }
        }
      }
    }

    @Test
    void negativeOffsetsClipTheTopLeftOfTheOverlay() {
      try (Image base = image(4, 4, BLUE); Image overlay = coded(3, 3)) {
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withOffset(-2, -1));
        float[] px = Images.download(base);
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 4; x++) {
            float[] expected = x == 0 && y <= 1 ? codedPixel(x + 2, y + 1) : BLUE;
            assertArrayEquals(expected, pixel(px, 4, x, y), "pixel (" + x + ", " + y + ")");
          }
        }
      }
    }

    @Test
    void overlayHangingOverTheBottomRightIsClipped() {
      try (Image base = image(4, 3, BLUE); Image overlay = coded(3, 3)) {
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withOffset(2, 1));
        float[] px = Images.download(base);
        for (int y = 0; y < 3; y++) {
          for (int x = 0; x < 4; x++) {
            float[] expected = x >= 2 && y >= 1 ? codedPixel(x - 2, y - 1) : BLUE;
            assertArrayEquals(expected, pixel(px, 4, x, y), "pixel (" + x + ", " + y + ")");
          }
        }
      }
    }

    @Test
    void overlayWhollyOutsideTheBaseChangesNothing() {
      int[][] offsets = {{4, 0}, {0, 4}, {-4, 0}, {0, -4}, {Integer.MAX_VALUE, 0}, {Integer.MIN_VALUE, 0},
          {0, Integer.MAX_VALUE}, {Integer.MIN_VALUE, Integer.MIN_VALUE}};
      for (Anchor anchor : Anchor.values()) {
        for (int[] o : offsets) {
          try (Image base = image(4, 4, BLUE); Image overlay = image(3, 3, RED)) {
            Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withAnchor(anchor).withOffset(o[0], o[1]));
            float[] px = Images.download(base);
            for (int i = 0; i < 16; i++) {
              assertArrayEquals(BLUE, pixel(px, 4, i % 4, i / 4), anchor + " offset " + Arrays.toString(o));
            }
          }
        }
      }
    }

    @Test
    void everyModeClipsAlike() {
      for (Mode mode : MODES) {
        try (Image base = image(4, 4, 0.5f, 0.5f, 0.5f, 1); Image overlay = image(3, 3, 0.25f, 0.75f, 1, 1)) {
          mode.blend(base, overlay, Blend.Layer.DEFAULTS.withOffset(-1, 2));
          float[] px = Images.download(base);
          float[] changed = pixel(px, 4, 0, 2);
          assertArrayEquals(changed, pixel(px, 4, 1, 3));
          assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(px, 4, 2, 2));
          assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(px, 4, 0, 1));
        }
      }
    }

    @Test
    void usesTheLogicalSizesOfBothImages() {
      try (Image base = image(4, 4, BLUE); Image overlay = image(3, 3, RED)) {
        base.setLogicalSize(2, 3);
        overlay.setLogicalSize(1, 2);
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withAnchor(Anchor.BOTTOM_RIGHT));
        float[] px = Images.download(base);
        // Rows are 2 pixels wide now; the 1×2 overlay covers (1, 1) and (1, 2).
        for (int i = 0; i < 6; i++) {
          boolean red = i == 3 || i == 5;
          assertArrayEquals(red ? RED : BLUE, pixel(px, 2, i % 2, i / 2), "pixel " + i);
        }
      }
    }

    @Test
    void largeImagesBlendOnSeveralThreadsLikeSmallOnes() {
      try (Image base = image(500, 300, 0.2f, 0.4f, 0.6f, 0.8f); Image overlay = image(400, 250, 0.9f, 0.1f, 0.5f,
          0.5f)) {
        Blend.screen(base, overlay, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(30, -10));
        float[] inside = one(Blend::screen, new float[] {0.2f, 0.4f, 0.6f, 0.8f}, new float[] {0.9f, 0.1f, 0.5f, 0.5f});
        float[] px = Images.download(base);
        // Placed at (50 + 30, 25 − 10) = (80, 15) .. (479, 264).
        for (int y = 0; y < 300; y++) {
          for (int x = 0; x < 500; x++) {
            boolean in = x >= 80 && x < 480 && y >= 15 && y < 265;
            float[] expected = in ? inside : new float[] {0.2f, 0.4f, 0.6f, 0.8f};
            if (!Arrays.equals(expected, pixel(px, 500, x, y))) {
              assertArrayEquals(expected, pixel(px, 500, x, y), "pixel (" + x + ", " + y + ")");
            }
          }
        }
      }
    }
  }

  @Nested
  class Mask {
    private final float[] base = {0.2f, 0.4f, 0.6f, 0.8f};

    private float[] mask(float[] mask, MaskMode mode) {
      try (Image b = image(1, 1, base); Image m = image(1, 1, mask)) {
        Blend.mask(b, m, Blend.MaskLayer.DEFAULTS.withMode(mode));
        return Images.download(b);
      }
    }

    @Test
    void alphaModeMultipliesByTheMasksAlpha() {
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.8f * 0.5f}, mask(new float[] {0, 0, 0, 0.5f},
          MaskMode.ALPHA));
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0}, mask(new float[] {1, 1, 1, 0}, MaskMode.ALPHA));
    }

    @Test
    void luminanceModeUsesRec601Weights() {
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.8f * 0.299f}, mask(new float[] {1, 0, 0, 1},
          MaskMode.LUMINANCE), EPS);
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.8f * 0.587f}, mask(new float[] {0, 1, 0, 1},
          MaskMode.LUMINANCE), EPS);
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.8f * 0.114f}, mask(new float[] {0, 0, 1, 1},
          MaskMode.LUMINANCE), EPS);
      assertArrayEquals(base, mask(new float[] {1, 1, 1, 1}, MaskMode.LUMINANCE), EPS);
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0}, mask(new float[] {0, 0, 0, 1}, MaskMode.LUMINANCE));
    }

    @Test
    void luminanceModeAlsoMultipliesByTheMasksAlpha() {
      // The reference ignores the mask's alpha here: a transparent white mask pixel would show the base.
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.4f}, mask(new float[] {1, 1, 1, 0.5f},
          MaskMode.LUMINANCE), EPS);
      assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0}, mask(new float[] {1, 1, 1, 0}, MaskMode.LUMINANCE));
    }

    @Test
    void luminanceIsTheDefault() {
      try (Image b = image(1, 1, base); Image m = image(1, 1, 0, 0, 0, 1)) {
        Blend.mask(b, m);
        assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0}, Images.download(b));
      }
    }

    @Test
    void pixelsOutsideTheMaskKeepTheirAlpha() {
      try (Image b = image(4, 3, base); Image m = image(2, 1, 0, 0, 0, 0)) {
        Blend.mask(b, m, Blend.MaskLayer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(2, 0));
        float[] px = Images.download(b);
        // Centred at (1, 1), moved right by 2: covers (3, 1) and the clipped (4, 1).
        for (int y = 0; y < 3; y++) {
          for (int x = 0; x < 4; x++) {
            float alpha = x == 3 && y == 1 ? 0 : 0.8f;
            assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, alpha}, pixel(px, 4, x, y));
          }
        }
      }
    }

    @Test
    void maskWhollyOutsideChangesNothing() {
      try (Image b = image(2, 2, base); Image m = image(2, 2, 0, 0, 0, 0)) {
        Blend.mask(b, m, Blend.MaskLayer.DEFAULTS.withOffset(-2, 0));
        Blend.mask(b, m, Blend.MaskLayer.DEFAULTS.withOffset(Integer.MIN_VALUE, Integer.MAX_VALUE));
        float[] px = Images.download(b);
        for (int i = 0; i < 4; i++) {
          assertArrayEquals(base, pixel(px, 2, i % 2, i / 2));
        }
      }
    }
  }

  @Nested
  class Aliasing {
    @Test
    void blendingAnImageOntoItselfInPlaceIsAllowed() {
      // Half over half of the same colour keeps the colour; αo = 0.5 + 0.5·0.5.
      try (Image img = image(3, 2, 0.2f, 0.4f, 0.6f, 0.5f)) {
        Blend.normal(img, img, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER));
        for (int i = 0; i < 6; i++) {
          assertPixel(new float[] {0.2f, 0.4f, 0.6f, 0.75f}, img, i % 3, i / 3, EPS);
        }
      }
      try (Image img = image(3, 2, 0.2f, 0.4f, 0.6f, 1)) {
        Blend.multiply(img, img);
        for (int i = 0; i < 6; i++) {
          assertPixel(new float[] {0.2f * 0.2f, 0.4f * 0.4f, 0.6f * 0.6f, 1}, img, i % 3, i / 3, EPS);
        }
      }
    }

    @Test
    void blendingAnImageOntoItselfElsewhereIsRefused() {
      try (Image img = image(3, 2, 0.2f, 0.4f, 0.6f, 0.5f)) {
        for (Mode mode : MODES) {
          assertRejected("base and overlay must be different images",
              () -> mode.blend(img, img, Blend.Layer.DEFAULTS.withOffset(1, 0)));
          assertRejected("must be different images",
              () -> mode.blend(img, img, Blend.Layer.DEFAULTS.withOffset(0, -1).withOpacity(0)));
        }
        for (int i = 0; i < 6; i++) {
          assertPixel(new float[] {0.2f, 0.4f, 0.6f, 0.5f}, img, i % 3, i / 3, 0);
        }
      }
    }

    @Test
    void maskingAnImageWithItselfInPlaceIsAllowed() {
      try (Image img = image(2, 2, 1, 1, 1, 0.5f)) {
        Blend.mask(img, img, Blend.MaskLayer.DEFAULTS.withMode(MaskMode.ALPHA));
        assertPixel(new float[] {1, 1, 1, 0.25f}, img, 1, 1, 0);
        Blend.mask(img, img);
        assertPixel(new float[] {1, 1, 1, 0.25f * 0.25f}, img, 0, 1, EPS);
      }
    }

    @Test
    void maskingAnImageWithItselfElsewhereIsRefused() {
      try (Image img = image(2, 2, 1, 1, 1, 0.5f)) {
        assertRejected("must be different images",
            () -> Blend.mask(img, img, Blend.MaskLayer.DEFAULTS.withOffset(0, 1)));
      }
    }
  }

  @Nested
  class Names {
    @Test
    void anchorsParseTheReferenceSpellings() {
      String[] ids = {"top-left", "top-center", "top-right", "center-left", "center", "center-right",
          "bottom-left", "bottom-center", "bottom-right"};
      for (int i = 0; i < ids.length; i++) {
        assertEquals(Anchor.values()[i], Anchor.parse(ids[i]));
        assertEquals(ids[i], Anchor.values()[i].id());
      }
    }

    @Test
    void unknownAnchorsAreErrorsListingTheValidNames() {
      // The reference silently uses top-left for these.
      for (String bad : new String[] {"invalid", "centre", "TOP-LEFT", "top_left", "", "right"}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Anchor.parse(bad));
        assertTrue(e.getMessage().contains("Invalid anchor '" + bad + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("top-left, top-center, top-right, center-left, center, center-right, "
            + "bottom-left, bottom-center, bottom-right"), e.getMessage());
      }
      assertThrows(IllegalArgumentException.class, () -> Anchor.parse(null));
    }

    @Test
    void anchorOffsetsFollowFloorDivision() {
      assertEquals(-51, Anchor.CENTER.x(100, 201));
      assertEquals(-101, Anchor.BOTTOM_RIGHT.y(100, 201));
      assertEquals(2, Anchor.TOP_CENTER.x(7, 2));
      assertEquals(0, Anchor.TOP_CENTER.y(7, 2));
      assertEquals(5, Anchor.CENTER_RIGHT.x(7, 2));
    }

    @Test
    void maskModesParseTheReferenceSpellingsOnly() {
      assertEquals(MaskMode.ALPHA, MaskMode.parse("alpha"));
      assertEquals(MaskMode.LUMINANCE, MaskMode.parse("luminance"));
      assertEquals("luminance", MaskMode.LUMINANCE.id());
      // The reference takes any text other than "luminance" as alpha.
      for (String bad : new String[] {"luma", "Alpha", "", "none"}) {
        assertRejected("Invalid mask mode '" + bad + "': expected alpha or luminance", () -> MaskMode.parse(bad));
      }
      assertRejected("Invalid mask mode", () -> MaskMode.parse(null));
    }

    @Test
    void optionRecordsHoldTheReferenceDefaultsAndCopyOnWith() {
      assertEquals(new Blend.Layer(Anchor.TOP_LEFT, 0, 0, 1f), Blend.Layer.DEFAULTS);
      assertEquals(new Blend.MaskLayer(Anchor.TOP_LEFT, 0, 0, MaskMode.LUMINANCE), Blend.MaskLayer.DEFAULTS);
      Blend.Layer l = Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(3, -4).withOpacity(0.25f);
      assertEquals(new Blend.Layer(Anchor.CENTER, 3, -4, 0.25f), l);
      Blend.MaskLayer m = Blend.MaskLayer.DEFAULTS.withAnchor(Anchor.BOTTOM_LEFT).withOffset(-1, 2)
          .withMode(MaskMode.ALPHA);
      assertEquals(new Blend.MaskLayer(Anchor.BOTTOM_LEFT, -1, 2, MaskMode.ALPHA), m);
      assertEquals(new Blend.Layer(Anchor.TOP_LEFT, 0, 0, 1f), Blend.Layer.DEFAULTS);
    }
  }

  @Nested
  class Errors {
    @Test
    void nullImagesAndOptionsAreRejectedNamingTheParameter() {
      try (Image img = image(2, 2, BLUE); Image other = image(2, 2, RED)) {
        for (Mode mode : MODES) {
          assertNpe("base is null", () -> mode.blend(null, img, Blend.Layer.DEFAULTS));
          assertNpe("overlay is null", () -> mode.blend(img, null, Blend.Layer.DEFAULTS));
          assertNpe("layer is null", () -> mode.blend(img, other, null));
          assertNpe("anchor is null", () -> mode.blend(img, other, Blend.Layer.DEFAULTS.withAnchor(null)));
        }
        assertNpe("Blend.normal: overlay is null", () -> Blend.normal(img, null));
        assertNpe("Blend.softLight: base is null", () -> Blend.softLight(null, img));
        assertNpe("Blend.mask: base is null", () -> Blend.mask(null, img));
        assertNpe("Blend.mask: mask is null", () -> Blend.mask(img, null));
        assertNpe("Blend.mask: layer is null", () -> Blend.mask(img, other, null));
        assertNpe("Blend.mask: anchor is null",
            () -> Blend.mask(img, other, Blend.MaskLayer.DEFAULTS.withAnchor(null)));
        assertNpe("Blend.mask: mode is null", () -> Blend.mask(img, other, Blend.MaskLayer.DEFAULTS.withMode(null)));
      }
    }

    private void assertNpe(String fragment, Executable call) {
      NullPointerException e = assertThrows(NullPointerException.class, call);
      assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
    }

    @Test
    void freedImagesAreRejectedEvenWhenTheCallWouldChangeNothing() {
      for (Mode mode : MODES) {
        try (Image live = image(2, 2, BLUE)) {
          Image freed = new Image(2, 2, BackendKind.CPU);
          freed.free();
          assertFreed("base", () -> mode.blend(freed, live, Blend.Layer.DEFAULTS));
          assertFreed("overlay", () -> mode.blend(live, freed, Blend.Layer.DEFAULTS));
          // Opacity 0 and an overlay off the base are no-ops, but only after validation.
          assertFreed("base", () -> mode.blend(freed, live, Blend.Layer.DEFAULTS.withOpacity(0)));
          assertFreed("overlay", () -> mode.blend(live, freed, Blend.Layer.DEFAULTS.withOffset(50, 50)));
        }
      }
      try (Image live = image(2, 2, BLUE)) {
        Image freed = new Image(2, 2, BackendKind.CPU);
        freed.free();
        assertFreed("base", () -> Blend.mask(freed, live));
        assertFreed("mask", () -> Blend.mask(live, freed, Blend.MaskLayer.DEFAULTS.withOffset(50, 50)));
      }
    }

    private void assertFreed(String param, Executable call) {
      IllegalStateException e = assertThrows(IllegalStateException.class, call);
      assertTrue(e.getMessage().contains(param + " has been freed or is invalid"), e.getMessage());
    }

    @Test
    void opacityMustBeAFiniteNumberFromZeroToOne() {
      try (Image base = image(2, 2, BLUE); Image overlay = image(2, 2, RED)) {
        for (Mode mode : MODES) {
          for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertRejected("opacity must be a finite number, got " + bad,
                () -> mode.blend(base, overlay, Blend.Layer.DEFAULTS.withOpacity(bad)));
          }
          for (float bad : new float[] {-0.001f, 1.0001f, 2, -1}) {
            assertRejected("opacity must be in 0..1, got " + bad,
                () -> mode.blend(base, overlay, Blend.Layer.DEFAULTS.withOpacity(bad)));
          }
        }
        assertRejected("Blend.hardLight: opacity must be in 0..1, got 1.5",
            () -> Blend.hardLight(base, overlay, Blend.Layer.DEFAULTS.withOpacity(1.5f)));
        // The pixels were not touched.
        float[] px = Images.download(base);
        for (int i = 0; i < 4; i++) {
          assertArrayEquals(BLUE, pixel(px, 2, i % 2, i / 2));
        }
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withOpacity(1));
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withOpacity(0));
        Blend.normal(base, overlay, Blend.Layer.DEFAULTS.withOpacity(-0f));
      }
    }

    @Test
    @GpuOnly
    void imagesOfDifferentBackendsAreRejected() {
      try (Image cpu = image(2, 2, BLUE); Image cuda = new Image(2, 2, BackendKind.CUDA)) {
        for (Mode mode : MODES) {
          assertRejected("cannot be mixed", () -> mode.blend(cpu, cuda, Blend.Layer.DEFAULTS));
          assertRejected("cannot be mixed", () -> mode.blend(cuda, cpu, Blend.Layer.DEFAULTS.withOpacity(0)));
        }
        assertRejected("cannot be mixed", () -> Blend.mask(cpu, cuda));
        assertRejected("cannot be mixed", () -> Blend.mask(cuda, cpu, Blend.MaskLayer.DEFAULTS.withOffset(9, 9)));
      }
    }
  }
}
