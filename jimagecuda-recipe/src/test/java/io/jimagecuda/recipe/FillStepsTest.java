package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The fill bindings pass each parameter to the right argument: pixels that a swapped argument (colours,
 * offsets, directions) would change. The conformance kit checks the maths; {@code fill.dots} has no case
 * there.
 */
class FillStepsTest {
  private static final float[] RED = {1, 0, 0, 1};
  private static final float[] BLUE = {0, 0, 1, 1};

  /** Runs one fill step on a {@code w × h} image on the CPU and returns its pixels. */
  private static float[] fill(int w, int h, String step) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": " + w + ", \"height\": " + h
        + "}}, \"steps\": [" + step + "], \"output\": \"img\"}";
    try (Image out = new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json))) {
      return Images.download(out);
    }
  }

  private static float[] pixel(float[] px, int w, int x, int y) {
    int i = (y * w + x) * 4;
    return Arrays.copyOfRange(px, i, i + 4);
  }

  @Test
  void colorFillsEveryPixel() throws IOException {
    float[] px = fill(2, 2, "{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [1, 0, 0, 1]}");
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(RED, pixel(px, 2, i % 2, i / 2));
    }
  }

  @Test
  void gradientRunsFromRgba1ToRgba2InItsDirection() throws IOException {
    float[] px = fill(3, 1, "{\"op\": \"fill.gradient\", \"image\": \"img\", \"rgba1\": [1, 0, 0, 1], "
        + "\"rgba2\": [0, 0, 1, 1], \"direction\": \"horizontal\", \"seamless\": false}");
    assertArrayEquals(RED, pixel(px, 3, 0, 0));
    assertArrayEquals(new float[] {0.5f, 0, 0.5f, 1}, pixel(px, 3, 1, 0));
    assertArrayEquals(BLUE, pixel(px, 3, 2, 0));
  }

  @Test
  void checkerboardAppliesOffsetXToColumns() throws IOException {
    // sx = x + 1 with 2-pixel cells: columns 0..3 fall in cells 0, 1, 1, 2.
    float[] px = fill(4, 1, "{\"op\": \"fill.checkerboard\", \"image\": \"img\", \"size\": 2, "
        + "\"color1\": [1, 0, 0, 1], \"color2\": [0, 0, 1, 1], \"offsetX\": 1, \"offsetY\": 0}");
    assertArrayEquals(RED, pixel(px, 4, 0, 0));
    assertArrayEquals(BLUE, pixel(px, 4, 1, 0));
    assertArrayEquals(BLUE, pixel(px, 4, 2, 0));
    assertArrayEquals(RED, pixel(px, 4, 3, 0));
  }

  @Test
  void gridDrawsLinesWhereTheOffsetsPutThem() throws IOException {
    // Line where (x + 1) % 4 == 0 (column 3) or (y + 2) % 4 == 0 (row 2).
    float[] px = fill(4, 4, "{\"op\": \"fill.grid\", \"image\": \"img\", \"spacing\": 4, \"lineWidth\": 1, "
        + "\"color\": [1, 0, 0, 1], \"bgColor\": [0, 0, 1, 1], \"offsetX\": 1, \"offsetY\": 2}");
    assertArrayEquals(RED, pixel(px, 4, 3, 0));
    assertArrayEquals(RED, pixel(px, 4, 0, 2));
    assertArrayEquals(BLUE, pixel(px, 4, 0, 0));
    assertArrayEquals(BLUE, pixel(px, 4, 2, 3));
  }

  @Test
  void dotsSitAtTheOffsetPlusHalfTheSpacing() throws IOException {
    // Centres at x ≡ 1 + 2, y ≡ 0 + 2 (mod 4): pixel (3, 2) is a centre, (0, 0) is far from any.
    float[] px = fill(4, 4, "{\"op\": \"fill.dots\", \"image\": \"img\", \"spacing\": 4, \"radius\": 1.0, "
        + "\"color\": [1, 0, 0, 1], \"bgColor\": [0, 0, 1, 1], \"offsetX\": 1, \"offsetY\": 0, \"softness\": 0.0}");
    assertArrayEquals(RED, pixel(px, 4, 3, 2));
    assertArrayEquals(BLUE, pixel(px, 4, 0, 0));
  }

  @Test
  void circleHasColorInsideAndBgColorOutside() throws IOException {
    float[] px = fill(4, 4, "{\"op\": \"fill.circle\", \"image\": \"img\", \"color\": [1, 0, 0, 1], "
        + "\"bgColor\": [0, 0, 1, 1], \"softness\": 0.0}");
    assertArrayEquals(RED, pixel(px, 4, 2, 2));
    assertArrayEquals(BLUE, pixel(px, 4, 0, 0));
  }

  @Test
  void noiseIsGreyWhenMonochromeAndDependsOnTheSeed() throws IOException {
    String mono = "{\"op\": \"fill.noise\", \"image\": \"img\", \"seed\": 1.0, \"monochrome\": true}";
    float[] a = fill(8, 1, mono);
    for (int x = 0; x < 8; x++) {
      float[] p = pixel(a, 8, x, 0);
      assertEquals(p[0], p[1]);
      assertEquals(p[0], p[2]);
      assertEquals(1f, p[3]);
    }
    assertNotEquals(Arrays.toString(a), Arrays.toString(fill(8, 1, mono.replace("1.0", "2.0"))));
    float[] rgb = fill(8, 1, mono.replace("true", "false"));
    assertNotEquals(rgb[0], rgb[1]);
  }
}
