package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Anchor;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Blend;
import io.jimagecuda.Fill;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The blend bindings pass each parameter to the right argument and call the right mode: pixels that a
 * swapped offset, a wrong anchor, a lost opacity or a mode mix-up would change. The conformance kit
 * checks the maths; {@code blend.softLight} and the alpha mask mode have no case there.
 */
class BlendStepsTest {
  private static final float[] GREY = {0.5f, 0.5f, 0.5f, 1};
  private static final float[] BLUE = {0, 0, 1, 1};

  /**
   * Runs {@code steps} on a {@code 4 × 3} base of grey and a {@code 2 × 1} overlay (colour {@code rgba})
   * on the CPU and returns the base's pixels.
   */
  private static float[] run(String rgba, String steps) throws IOException {
    return run("[0.5, 0.5, 0.5, 1.0]", rgba, steps);
  }

  /** {@link #run(String, String)} with a base of colour {@code baseRgba}. */
  private static float[] run(String baseRgba, String rgba, String steps) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"base\": {\"width\": 4, \"height\": 3}, "
        + "\"overlay\": {\"width\": 2, \"height\": 1}}, \"steps\": ["
        + "{\"op\": \"fill.color\", \"image\": \"base\", \"rgba\": " + baseRgba + "}, "
        + "{\"op\": \"fill.color\", \"image\": \"overlay\", \"rgba\": " + rgba + "}, " + steps
        + "], \"output\": \"base\"}";
    try (Image out = new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json))) {
      return Images.download(out);
    }
  }

  private static String blend(String op, String anchor, int offsetX, int offsetY, double opacity) {
    return "{\"op\": \"" + op + "\", \"base\": \"base\", \"overlay\": \"overlay\", \"anchor\": \"" + anchor
        + "\", \"offsetX\": " + offsetX + ", \"offsetY\": " + offsetY + ", \"opacity\": " + opacity + "}";
  }

  private static float[] pixel(float[] px, int x, int y) {
    int i = (y * 4 + x) * 4;
    return Arrays.copyOfRange(px, i, i + 4);
  }

  @Test
  void normalPlacesTheOverlayAtItsAnchorPlusTheOffsets() throws IOException {
    // bottom-right of a 4×3 base puts a 2×1 overlay at (2, 2); offsets (−2, −1) move it to (0, 1).
    float[] px = run("[0.0, 0.0, 1.0, 1.0]", blend("blend.normal", "bottom-right", -2, -1, 1.0));
    assertArrayEquals(BLUE, pixel(px, 0, 1));
    assertArrayEquals(BLUE, pixel(px, 1, 1));
    assertArrayEquals(GREY, pixel(px, 2, 1));
    assertArrayEquals(GREY, pixel(px, 2, 2));
    assertArrayEquals(GREY, pixel(px, 0, 2));
  }

  @Test
  void opacityReachesTheBlend() throws IOException {
    float[] px = run("[0.0, 0.0, 1.0, 1.0]", blend("blend.normal", "top-left", 0, 0, 0.5));
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 1}, pixel(px, 0, 0), 1e-6f);
  }

  @Test
  void eachModeStepCallsItsMode() throws IOException {
    Map<String, BiConsumer<Image, Image>> modes = Map.of(
        "blend.normal", (b, o) -> Blend.normal(b, o, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)),
        "blend.multiply", (b, o) -> Blend.multiply(b, o,
            Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)),
        "blend.screen", (b, o) -> Blend.screen(b, o, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)),
        "blend.add", (b, o) -> Blend.add(b, o, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)),
        "blend.overlay", (b, o) -> Blend.overlay(b, o,
            Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)),
        "blend.softLight", (b, o) -> Blend.softLight(b, o,
            Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)),
        "blend.hardLight", (b, o) -> Blend.hardLight(b, o,
            Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER).withOffset(1, 1)));
    for (var e : modes.entrySet()) {
      float[] viaRecipe = run("[0.2, 0.7, 0.9, 0.8]", blend(e.getKey(), "center", 1, 1, 1.0));
      float[] direct;
      try (Image b = new Image(4, 3, BackendKind.CPU); Image o = new Image(2, 1, BackendKind.CPU)) {
        Fill.color(b, Rgba.of(GREY));
        Fill.color(o, new Rgba(0.2f, 0.7f, 0.9f, 0.8f));
        e.getValue().accept(b, o);
        direct = Images.download(b);
      }
      assertArrayEquals(direct, viaRecipe, e.getKey());
      // centre of 4×3 for 2×1 is (1, 1); moved by (1, 1): (2, 2) and (3, 2) change, (1, 1) does not.
      assertArrayEquals(GREY, pixel(viaRecipe, 1, 1), e.getKey());
      assertTrue(!Arrays.equals(GREY, pixel(viaRecipe, 3, 2)), e.getKey());
    }
  }

  @Test
  void theModesGiveDifferentPixels() throws IOException {
    String[] ops = {"blend.normal", "blend.multiply", "blend.screen", "blend.add", "blend.overlay",
        "blend.softLight", "blend.hardLight"};
    float[][] results = new float[ops.length][];
    for (int i = 0; i < ops.length; i++) {
      // Base and overlay on either side of ½ in red and green, so that overlay and hard light differ too.
      results[i] = pixel(run("[0.3, 0.6, 0.8, 1.0]", "[0.7, 0.2, 0.9, 1.0]",
          blend(ops[i], "top-left", 0, 0, 1.0)), 0, 0);
      for (int j = 0; j < i; j++) {
        assertTrue(!Arrays.equals(results[i], results[j]), ops[i] + " equals " + ops[j]);
      }
    }
  }

  private static String mask(String anchor, int offsetX, int offsetY, String mode) {
    return "{\"op\": \"blend.mask\", \"base\": \"base\", \"mask\": \"overlay\", \"anchor\": \"" + anchor
        + "\", \"offsetX\": " + offsetX + ", \"offsetY\": " + offsetY + ", \"mode\": \"" + mode + "\"}";
  }

  @Test
  void maskUsesItsModeAnchorAndOffsets() throws IOException {
    // Mask (1, 0, 0, 0.5): alpha mode gives 0.5, luminance 0.299 · 0.5.
    float[] alpha = run("[1.0, 0.0, 0.0, 0.5]", mask("top-right", 0, 2, "alpha"));
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, pixel(alpha, 2, 2));
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, pixel(alpha, 3, 2));
    assertArrayEquals(GREY, pixel(alpha, 1, 2));
    assertArrayEquals(GREY, pixel(alpha, 3, 0));
    float[] luminance = run("[1.0, 0.0, 0.0, 0.5]", mask("top-left", 1, 0, "luminance"));
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.299f * 0.5f}, pixel(luminance, 1, 0), 1e-6f);
    assertArrayEquals(GREY, pixel(luminance, 0, 0));
  }

  @Test
  void anOpacityOutsideZeroToOneNamesTheStep() {
    RecipeException e = assertThrows(RecipeException.class,
        () -> run("[0.0, 0.0, 1.0, 1.0]", blend("blend.screen", "center", 0, 0, 1.5)));
    assertTrue(e.getMessage().contains("step 3 (blend.screen)"), e.getMessage());
    assertTrue(e.getMessage().contains("Blend.screen: opacity must be in 0..1, got 1.5"), e.getMessage());
  }

  @Test
  void anImageBlendedOntoItselfWithAnOffsetIsRefused() {
    RecipeException e = assertThrows(RecipeException.class, () -> run("[0.0, 0.0, 1.0, 1.0]",
        "{\"op\": \"blend.normal\", \"base\": \"base\", \"overlay\": \"base\", \"anchor\": \"top-left\", "
            + "\"offsetX\": 1, \"offsetY\": 0, \"opacity\": 1.0}"));
    assertTrue(e.getMessage().contains("must be different images"), e.getMessage());
  }
}
