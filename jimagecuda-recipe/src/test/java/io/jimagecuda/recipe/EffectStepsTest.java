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
 * The effect bindings pass each parameter to the right argument: sizes and pixels that a swapped or
 * ignored argument (radius and softness, position, expand, colours) would change. The conformance kit
 * checks the maths.
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

  @Test
  void anInvalidStrokeWidthNamesTheStep() {
    RecipeException e = assertThrows(RecipeException.class,
        () -> run(4, 3, stroke(0, "[0, 0, 1, 1]", "outside", true), "s"));
    assertTrue(e.getMessage().contains("Invalid stroke width"), e.getMessage());
  }
}
