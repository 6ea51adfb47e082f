package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.FlipDirection;
import io.jimagecuda.Fill;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.Interpolation;
import io.jimagecuda.Resize;
import io.jimagecuda.Transform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The {@code resize.*} and {@code transform.*} bindings ({@code steps/ResizeSteps},
 * {@code steps/TransformSteps}) call the right method with each parameter in its place: every recipe
 * result equals the direct Java call on the same noise image (the interpolations, directions and offsets
 * all give different pixels, so a swapped argument shows). The conformance kit checks the maths.
 */
class GeometryStepsTest {
  private static final int W = 9;
  private static final int H = 6;

  /** The size and pixels of an image. */
  private record Pixels(int width, int height, float[] values) {
  }

  /** Runs {@code step} (which reads image "img" and writes "out") after filling "img" with RGB noise. */
  private static Pixels recipe(String step) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": " + W + ", \"height\": " + H + "}}, "
        + "\"steps\": [{\"op\": \"fill.noise\", \"image\": \"img\", \"seed\": 3.0, \"monochrome\": false}, "
        + step + "], \"output\": \"out\"}";
    try (Image out = new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json))) {
      return new Pixels(out.width(), out.height(), Images.download(out));
    }
  }

  /** The same through the Java API. */
  private static Pixels direct(Function<Image, Image> op) {
    try (Image img = new Image(W, H, BackendKind.CPU)) {
      Fill.noise(img, new Fill.Noise(3, false));
      try (Image out = op.apply(img)) {
        return new Pixels(out.width(), out.height(), Images.download(out));
      }
    }
  }

  private static void assertSame(Pixels expected, Pixels actual) {
    assertEquals(List.of(expected.width, expected.height), List.of(actual.width, actual.height), "size");
    assertArrayEquals(expected.values, actual.values);
  }

  private static String resize(String method, String width, String height) {
    return "{\"op\": \"resize." + method + "\", \"src\": \"img\", \"width\": " + width + ", \"height\": " + height
        + ", \"out\": \"out\"}";
  }

  @Test
  void resizeWithBothSides() throws IOException {
    assertSame(direct(img -> Resize.nearest(img, 13, 4)), recipe(resize("nearest", "13", "4")));
    assertSame(direct(img -> Resize.bilinear(img, 13, 4)), recipe(resize("bilinear", "13", "4")));
    assertSame(direct(img -> Resize.bicubic(img, 13, 4)), recipe(resize("bicubic", "13", "4")));
    assertSame(direct(img -> Resize.lanczos(img, 13, 4)), recipe(resize("lanczos", "13", "4")));
  }

  @Test
  void resizeWithANullSideKeepsTheAspectRatio() throws IOException {
    // 9 × 6: width 6 gives int(6 · (6/9)) = 3 rows; height 4 gives int(9 · (4/6)) = 6 columns.
    Pixels toWidth = recipe(resize("lanczos", "6", "null"));
    assertEquals(List.of(6, 4), List.of(toWidth.width, toWidth.height));
    assertSame(direct(img -> Resize.lanczosToWidth(img, 6)), toWidth);
    assertSame(direct(img -> Resize.bicubicToHeight(img, 4)), recipe(resize("bicubic", "null", "4")));
    assertSame(direct(img -> Resize.nearestToWidth(img, 5)), recipe(resize("nearest", "5", "null")));
    assertSame(direct(img -> Resize.bilinearToHeight(img, 2)), recipe(resize("bilinear", "null", "2")));
  }

  @Test
  void resizeWithBothSidesNullIsAnError() {
    RecipeException e = assertThrows(RecipeException.class, () -> recipe(resize("bilinear", "null", "null")));
    assertTrue(e.getMessage().contains("step 2 (resize.bilinear): Resize.bilinear: At least one of width or height"),
        e.getMessage());
  }

  @Test
  void flipPassesTheDirection() throws IOException {
    for (FlipDirection d : FlipDirection.values()) {
      assertSame(direct(img -> Transform.flip(img, d)), recipe("{\"op\": \"transform.flip\", \"image\": \"img\", "
          + "\"direction\": \"" + d.id() + "\", \"out\": \"out\"}"));
    }
  }

  @Test
  void rotatePassesAngleExpandAndInterpolation() throws IOException {
    assertSame(direct(img -> Transform.rotate(img, 30, new Transform.Rotate(false, Interpolation.BICUBIC))),
        recipe("{\"op\": \"transform.rotate\", \"image\": \"img\", \"angle\": 30.0, \"expand\": false, "
            + "\"interpolation\": \"bicubic\", \"out\": \"out\"}"));
    assertSame(direct(img -> Transform.rotate(img, -100, new Transform.Rotate(true, Interpolation.NEAREST))),
        recipe("{\"op\": \"transform.rotate\", \"image\": \"img\", \"angle\": -100, \"expand\": true, "
            + "\"interpolation\": \"nearest\", \"out\": \"out\"}"));
  }

  @Test
  void cropPassesXYWidthHeight() throws IOException {
    assertSame(direct(img -> Transform.crop(img, 2, -1, 5, 3)), recipe("{\"op\": \"transform.crop\", "
        + "\"image\": \"img\", \"x\": 2, \"y\": -1, \"width\": 5, \"height\": 3, \"out\": \"out\"}"));
  }

  @Test
  void zoomPassesFactorCentreAndInterpolation() throws IOException {
    assertSame(direct(img -> Transform.zoom(img, 3, Transform.Zoom.DEFAULTS.withCenterX(2)
        .withInterpolation(Interpolation.LANCZOS))), recipe("{\"op\": \"transform.zoom\", \"image\": \"img\", "
            + "\"zoomFactor\": 3.0, \"centerX\": 2.0, \"centerY\": null, \"interpolation\": \"lanczos\", "
            + "\"out\": \"out\"}"));
    assertSame(direct(img -> Transform.zoom(img, 2, Transform.Zoom.DEFAULTS.withCenter(1, 5))),
        recipe("{\"op\": \"transform.zoom\", \"image\": \"img\", \"zoomFactor\": 2.0, \"centerX\": 1.0, "
            + "\"centerY\": 5.0, \"interpolation\": \"bilinear\", \"out\": \"out\"}"));
    assertSame(direct(img -> Transform.zoom(img, 2)), recipe("{\"op\": \"transform.zoom\", \"image\": \"img\", "
        + "\"zoomFactor\": 2.0, \"centerX\": null, \"centerY\": null, \"interpolation\": \"bilinear\", "
        + "\"out\": \"out\"}"));
  }

  @Test
  void theStandardRegistryBindsEveryResizeAndTransformOp() {
    OpRegistry registry = OpRegistry.standard();
    for (String family : new String[] {"resize", "transform"}) {
      assertEquals(4, Vocabulary.family(family).size());
      for (String op : Vocabulary.family(family)) {
        assertTrue(registry.isImplemented(op), op);
      }
    }
  }
}
