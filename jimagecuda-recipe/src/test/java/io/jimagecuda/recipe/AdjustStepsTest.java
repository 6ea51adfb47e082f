package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The adjust bindings call the right op with the step's parameter: each step runs on a 1×1 image filled
 * with a known colour, and the pixel is the op's hand-computed result (which no other op would give).
 * The conformance kit checks the maths on a photo.
 */
class AdjustStepsTest {
  private static final float EPS = 1e-6f;

  /** Fills a 1×1 CPU image with {@code rgba}, runs {@code step} on it and returns the pixel. */
  private static float[] run(String rgba, String step) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": 1, \"height\": 1}}, \"steps\": ["
        + "{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": " + rgba + "}, " + step
        + "], \"output\": \"img\"}";
    try (Image out = new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json))) {
      return Arrays.copyOf(Images.download(out), 4);
    }
  }

  @Test
  void brightnessAddsTheFactor() throws IOException {
    assertArrayEquals(new float[] {0.3f, 0.45f, 1f, 0.5f},
        run("[0.1, 0.25, 0.9, 0.5]", "{\"op\": \"adjust.brightness\", \"image\": \"img\", \"factor\": 0.2}"), EPS);
  }

  @Test
  void contrastScalesAroundMidGrey() throws IOException {
    assertArrayEquals(new float[] {0.2f, 0.5f, 0.8f, 0.5f},
        run("[0.3, 0.5, 0.7, 0.5]", "{\"op\": \"adjust.contrast\", \"image\": \"img\", \"factor\": 1.5}"), EPS);
  }

  @Test
  void saturationZeroGivesTheLuma() throws IOException {
    float l = 0.299f * 0.2f + 0.587f * 0.4f + 0.114f * 0.8f;
    assertArrayEquals(new float[] {l, l, l, 0.5f},
        run("[0.2, 0.4, 0.8, 0.5]", "{\"op\": \"adjust.saturation\", \"image\": \"img\", \"factor\": 0.0}"), EPS);
  }

  @Test
  void opacityScalesAlphaOnly() throws IOException {
    assertArrayEquals(new float[] {0.2f, 0.4f, 0.8f, 0.3f},
        run("[0.2, 0.4, 0.8, 0.6]", "{\"op\": \"adjust.opacity\", \"image\": \"img\", \"factor\": 0.5}"), EPS);
  }

  @Test
  void gammaRaisesToTheInverse() throws IOException {
    assertArrayEquals(new float[] {0.5f, 0.25f, 1f, 0.5f},
        run("[0.25, 0.0625, 1.0, 0.5]", "{\"op\": \"adjust.gamma\", \"image\": \"img\", \"gamma\": 2.0}"), EPS);
  }

  @Test
  void hueRotatesByTheDegrees() throws IOException {
    assertArrayEquals(new float[] {0, 1, 0, 0.5f},
        run("[1, 0, 0, 0.5]", "{\"op\": \"adjust.hue\", \"image\": \"img\", \"degrees\": 120.0}"), 0f);
  }

  @Test
  void vibranceBoostsTheSaturationByTheAmount() throws IOException {
    // Blue (0.25, 0.25, 0.5): h = 240, s = 0.5, v = 0.5; s' = 0.5 + 1·0.5·0.5 = 0.75, so m = 0.125.
    assertArrayEquals(new float[] {0.125f, 0.125f, 0.5f, 0.5f},
        run("[0.25, 0.25, 0.5, 0.5]", "{\"op\": \"adjust.vibrance\", \"image\": \"img\", \"amount\": 1.0}"), EPS);
  }

  @Test
  void anInvalidParameterNamesTheStep() {
    RecipeException e = assertThrows(RecipeException.class, () -> run("[1, 1, 1, 1]",
        "{\"op\": \"adjust.gamma\", \"image\": \"img\", \"gamma\": -1.0}"));
    assertEquals("step 2 (adjust.gamma): Adjust.gamma: gamma must be positive, got -1.0", e.getMessage());
  }

  @Test
  void everyAdjustOpIsBound() {
    OpRegistry registry = OpRegistry.standard();
    for (String op : new String[] {"brightness", "contrast", "saturation", "opacity", "gamma", "hue", "vibrance"}) {
      assertTrue(registry.isImplemented("adjust." + op), op);
    }
  }
}
