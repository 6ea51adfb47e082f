package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Fill;
import io.jimagecuda.Filter;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The filter bindings pass each parameter to the right argument and store producers' results under
 * {@code out}: every step gives the pixels of the same call made directly. The conformance kit checks
 * the maths; {@code filter.sobel} has no case there.
 */
class FilterStepsTest {
  private static final int W = 7;
  private static final int H = 5;
  /** A recipe step that paints {@code img} with a radial gradient, so that every filter changes something. */
  private static final String PAINT = "{\"op\": \"fill.gradient\", \"image\": \"img\", \"rgba1\": [0.9, 0.1, 0.3, 1.0], "
      + "\"rgba2\": [0.1, 0.8, 0.6, 0.5], \"direction\": \"radial\", \"seamless\": false}";

  private static Image painted() {
    Image img = new Image(W, H, BackendKind.CPU);
    Fill.gradient(img, new Rgba(0.9f, 0.1f, 0.3f, 1f), new Rgba(0.1f, 0.8f, 0.6f, 0.5f), new Fill.Gradient(
        GradientDirection.RADIAL, false));
    return img;
  }

  /** Runs the painted image through {@code step} and returns the pixels of {@code output}. */
  private static float[] recipe(String step, String output) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": " + W + ", \"height\": " + H
        + "}}, \"steps\": [" + PAINT + ", " + step + "], \"output\": \"" + output + "\"}";
    try (Image out = new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json))) {
      return Images.download(out);
    }
  }

  private static float[] direct(Function<Image, Image> producer) {
    try (Image src = painted(); Image out = producer.apply(src)) {
      return Images.download(out);
    }
  }

  private static float[] directInPlace(Consumer<Image> op) {
    try (Image img = painted()) {
      op.accept(img);
      return Images.download(img);
    }
  }

  private static void assertChanged(float[] px) {
    assertNotEquals(Arrays.toString(directInPlace(img -> { })), Arrays.toString(px), "the step changed nothing");
  }

  @Test
  void gaussianBlurWithNullSigmaUsesRadiusOverThree() throws IOException {
    float[] px = recipe("{\"op\": \"filter.gaussianBlur\", \"src\": \"img\", \"radius\": 2, \"sigma\": null, "
        + "\"out\": \"b\"}", "b");
    assertArrayEquals(direct(src -> Filter.gaussianBlur(src, 2)), px);
    assertChanged(px);
  }

  @Test
  void gaussianBlurPassesAnExplicitSigma() throws IOException {
    float[] px = recipe("{\"op\": \"filter.gaussianBlur\", \"src\": \"img\", \"radius\": 2, \"sigma\": 3.0, "
        + "\"out\": \"b\"}", "b");
    assertArrayEquals(direct(src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(2).withSigma(3))),
        px);
    assertNotEquals(Arrays.toString(direct(src -> Filter.gaussianBlur(src, 2))), Arrays.toString(px));
  }

  @Test
  void theSourceOfAProducerIsLeftUntouched() throws IOException {
    float[] px = recipe("{\"op\": \"filter.gaussianBlur\", \"src\": \"img\", \"radius\": 2, \"sigma\": null, "
        + "\"out\": \"b\"}", "img");
    assertArrayEquals(directInPlace(img -> { }), px);
  }

  @Test
  void sharpenPassesItsStrength() throws IOException {
    float[] px = recipe("{\"op\": \"filter.sharpen\", \"src\": \"img\", \"strength\": 0.7, \"out\": \"s\"}", "s");
    assertArrayEquals(direct(src -> Filter.sharpen(src, 0.7f)), px);
    assertChanged(px);
  }

  @Test
  void sobelProducesTheEdgeMap() throws IOException {
    float[] px = recipe("{\"op\": \"filter.sobel\", \"src\": \"img\", \"out\": \"e\"}", "e");
    assertArrayEquals(direct(Filter::sobel), px);
    assertEquals(1f, px[3]);
  }

  @Test
  void embossPassesItsStrength() throws IOException {
    float[] px = recipe("{\"op\": \"filter.emboss\", \"src\": \"img\", \"strength\": -1.5, \"out\": \"e\"}", "e");
    assertArrayEquals(direct(src -> Filter.emboss(src, -1.5f)), px);
    assertNotEquals(Arrays.toString(direct(src -> Filter.emboss(src, 1.5f))), Arrays.toString(px));
  }

  @Test
  void sepiaPassesItsIntensity() throws IOException {
    float[] px = recipe("{\"op\": \"filter.sepia\", \"image\": \"img\", \"intensity\": 0.4}", "img");
    assertArrayEquals(directInPlace(img -> Filter.sepia(img, 0.4f)), px);
    assertChanged(px);
  }

  @Test
  void invertWorksInPlace() throws IOException {
    float[] px = recipe("{\"op\": \"filter.invert\", \"image\": \"img\"}", "img");
    assertArrayEquals(directInPlace(Filter::invert), px);
  }

  @Test
  void thresholdPassesItsValue() throws IOException {
    float[] px = recipe("{\"op\": \"filter.threshold\", \"image\": \"img\", \"value\": 0.45}", "img");
    assertArrayEquals(directInPlace(img -> Filter.threshold(img, 0.45f)), px);
    assertNotEquals(Arrays.toString(directInPlace(Filter::threshold)), Arrays.toString(px));
  }

  @Test
  void solarizePassesItsThreshold() throws IOException {
    float[] px = recipe("{\"op\": \"filter.solarize\", \"image\": \"img\", \"threshold\": 0.2}", "img");
    assertArrayEquals(directInPlace(img -> Filter.solarize(img, 0.2f)), px);
    assertNotEquals(Arrays.toString(directInPlace(Filter::solarize)), Arrays.toString(px));
  }
}
