package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Images;
import io.jimagecuda.Effect;
import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The effect bindings pass each parameter to the right argument: sizes and pixels that a swapped or
 * ignored argument (radius and softness, position, expand, offsets, blur, colours, the chroma key's
 * threshold, smoothness and spill) would change; each binding's result equals the direct Java call. The
 * conformance kit checks the maths.
 */
class EffectStepsTest {
  private static final String GREY = "{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [0.5, 0.5, 0.5, 1]}";

  /** Runs a grey {@code w × h} image through {@code step} on the CPU and returns the output image. */
  private static Image run(int w, int h, String step, String output) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": " + w + ", \"height\": " + h
        + "}}, \"steps\": [" + GREY + ", " + step + "], \"output\": \"" + output + "\"}";
    return new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json));
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return Arrays.copyOfRange(px, i, i + 4);
  }

  private static String stroke(int width, String color, String position, boolean expand) {
    return "{\"op\": \"effect.stroke\", \"image\": \"img\", \"width\": " + width + ", \"color\": " + color
        + ", \"position\": \"" + position + "\", \"expand\": " + expand + ", \"out\": \"s\"}";
  }

  @Test
  void roundedCornersTakesTheRadius() throws IOException {
    try (Image out = run(8, 8, "{\"op\": \"effect.roundedCorners\", \"image\": \"img\", \"radius\": 3.0}", "img")) {
      float[] px = Images.download(out);
      assertEquals(0f, pixel(px, 8, 0, 0)[3]); // 3.5 from the centre (3, 3): outside the arc
      assertEquals(1f, pixel(px, 8, 3, 0)[3]); // outside the 3-pixel corner square
    }
  }

  @Test
  void vignetteTakesRadiusSoftnessAndColourInThatOrder() throws IOException {
    // Radius 1, softness 0: a hard edge at d = 1, so the corners (d = √2) turn red and the edge midpoints
    // (d = 1) do not; swapped (radius 0, softness 1) the midpoints would be red too.
    try (Image out = run(3, 3, "{\"op\": \"effect.vignette\", \"image\": \"img\", \"radius\": 1.0, "
        + "\"softness\": 0.0, \"color\": [1, 0, 0, 1]}", "img")) {
      float[] px = Images.download(out);
      assertArrayEquals(new float[] {1, 0, 0, 1}, pixel(px, 3, 0, 0));
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(px, 3, 0, 1));
    }
  }

  @Test
  void strokeOutsideExpandGrowsTheCanvasAndUsesTheColour() throws IOException {
    try (Image out = run(4, 3, stroke(2, "[0, 0, 1, 1]", "outside", true), "s")) {
      assertEquals(8, out.width());
      assertEquals(7, out.height());
      float[] px = Images.download(out);
      assertArrayEquals(new float[] {0, 0, 1, 1}, pixel(px, 8, 1, 3));
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(px, 8, 2, 2));
    }
  }

  @Test
  void strokeWithoutExpandOrInsideKeepsTheSize() throws IOException {
    try (Image out = run(4, 3, stroke(2, "[0, 0, 1, 1]", "outside", false), "s")) {
      assertEquals(4, out.width());
      assertEquals(3, out.height());
    }
    try (Image out = run(5, 5, stroke(1, "[0, 0, 1, 1]", "inside", true), "s")) {
      assertEquals(5, out.width());
      float[] px = Images.download(out);
      assertArrayEquals(new float[] {0, 0, 1, 1}, pixel(px, 5, 0, 2)); // the outer ring, tinted
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(px, 5, 2, 2));
    }
  }

  private static String shadow(int ox, int oy, int blur, String color, boolean expand) {
    return "{\"op\": \"effect.dropShadow\", \"image\": \"img\", \"offsetX\": " + ox + ", \"offsetY\": " + oy
        + ", \"blur\": " + blur + ", \"color\": " + color + ", \"expand\": " + expand + ", \"out\": \"s\"}";
  }

  @Test
  void dropShadowTakesOffsetsBlurColourAndExpandInThatOrder() throws IOException {
    // 4x3 grey, offset (3, 1), blur 2: (4 + 4 + 3) x (3 + 4 + 1), the image at (2, 2).
    try (Image out = run(4, 3, shadow(3, 1, 2, "[1, 0, 0, 0.5]", true), "s")) {
      assertEquals(11, out.width());
      assertEquals(8, out.height());
      float[] px = Images.download(out);
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(px, 11, 2, 2));
      float[] shadowed = pixel(px, 11, 7, 4); // right of the image, inside the shadow: red
      assertEquals(1f, shadowed[0], 1e-6f);
      assertEquals(0f, shadowed[1]);
      assertTrue(shadowed[3] > 0.2f && shadowed[3] < 0.5f, "alpha " + shadowed[3]);
      assertArrayEquals(new float[4], pixel(px, 11, 0, 7));
      try (Image img = new Image(4, 3, BackendKind.CPU)) {
        Fill.color(img, new Rgba(0.5f, 0.5f, 0.5f, 1));
        try (Image direct = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withOffset(3, 1).withBlur(2)
            .withColor(new Rgba(1, 0, 0, 0.5f)))) {
          assertArrayEquals(Images.download(direct), px);
        }
      }
    }
    try (Image out = run(4, 3, shadow(3, 1, 2, "[1, 0, 0, 0.5]", false), "s")) {
      assertEquals(4, out.width());
      assertEquals(3, out.height());
    }
    try (Image out = run(4, 3, shadow(-3, 0, 0, "[0, 0, 1, 1]", true), "s")) {
      assertEquals(7, out.width());
      assertEquals(3, out.height());
      assertArrayEquals(new float[] {0, 0, 1, 1}, pixel(Images.download(out), 7, 0, 0)); // a hard blue shadow
    }
  }

  private static String chroma(String key, double threshold, double smoothness, double spill) {
    return "{\"op\": \"effect.chromaKey\", \"image\": \"img\", \"keyColor\": " + key + ", \"threshold\": "
        + threshold + ", \"smoothness\": " + smoothness + ", \"spillSuppression\": " + spill + "}";
  }

  @Test
  void chromaKeyTakesKeyThresholdSmoothnessAndSpillInThatOrder() throws IOException {
    // Grey (0.5, 0.5, 0.5) against a grey key of v 0.9: D = √(½·0.4²) = 0.283, below threshold 0.3 but
    // above 0.3 − smoothness 0.1: on the soft edge, partly transparent.
    try (Image out = run(2, 2, chroma("[0.9, 0.9, 0.9]", 0.3, 0.1, 0.0), "img")) {
      float[] px = Images.download(out);
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        Fill.color(img, new Rgba(0.5f, 0.5f, 0.5f, 1));
        Effect.chromaKey(img, new Effect.ChromaKey(Rgba.rgb(0.9f, 0.9f, 0.9f), 0.3f, 0.1f, 0f));
        assertArrayEquals(Images.download(img), px);
      }
      assertTrue(px[3] > 0 && px[3] < 1, "alpha " + px[3]);
    }
    // Swapping threshold and smoothness (0.1, 0.3) keeps the pixel: D = 0.283 ≥ 0.1.
    try (Image out = run(2, 2, chroma("[0.9, 0.9, 0.9]", 0.1, 0.3, 0.0), "img")) {
      assertEquals(1f, Images.download(out)[3]);
    }
    // The key itself is keyed; a far key is not.
    try (Image out = run(2, 2, chroma("[0.5, 0.5, 0.5]", 0.4, 0.1, 0.5), "img")) {
      assertEquals(0f, Images.download(out)[3]);
    }
    try (Image out = run(2, 2, chroma("[0.0, 1.0, 0.0]", 0.4, 0.1, 0.5), "img")) {
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 1}, pixel(Images.download(out), 2, 1, 1));
    }
  }

  @Test
  void chromaKeyPassesTheSpillSuppression() throws IOException {
    // Yellow-green (0.6, 1, 0) against green, threshold 1, smoothness 1: an edge pixel whose colour the spill
    // suppression changes, by an amount that depends on the spill value.
    String yellowGreen = "{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [0.6, 1, 0, 1]}";
    float[][] results = new float[2][];
    for (int i = 0; i < 2; i++) {
      double spill = i == 0 ? 0.2 : 0.9;
      String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": 1, \"height\": 1}}, \"steps\": ["
          + yellowGreen + ", " + chroma("[0, 1, 0]", 1.0, 1.0, spill) + "], \"output\": \"img\"}";
      try (Image out = new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json));
          Image img = new Image(1, 1, BackendKind.CPU)) {
        results[i] = Images.download(out);
        Fill.color(img, new Rgba(0.6f, 1, 0, 1));
        Effect.chromaKey(img, new Effect.ChromaKey(Rgba.rgb(0, 1, 0), 1, 1, (float) spill));
        assertArrayEquals(Images.download(img), results[i]);
      }
    }
    assertTrue(results[1][1] < results[0][1], "more spill suppression takes out more green");
  }

  @Test
  void anInvalidStrokeWidthNamesTheStep() {
    RecipeException e = assertThrows(RecipeException.class,
        () -> run(4, 3, stroke(0, "[0, 0, 1, 1]", "outside", true), "s"));
    assertTrue(e.getMessage().contains("Invalid stroke width"), e.getMessage());
  }

  @Test
  void aNegativeBlurAndAnOutOfRangeThresholdNameTheStep() {
    RecipeException e = assertThrows(RecipeException.class,
        () -> run(4, 3, shadow(1, 1, -2, "[0, 0, 0, 0.5]", true), "s"));
    assertTrue(e.getMessage().contains("blur must be non-negative"), e.getMessage());
    e = assertThrows(RecipeException.class, () -> run(4, 3, chroma("[0, 1, 0]", 1.5, 0.1, 0.5), "img"));
    assertTrue(e.getMessage().contains("threshold must be in 0..1"), e.getMessage());
  }
}
