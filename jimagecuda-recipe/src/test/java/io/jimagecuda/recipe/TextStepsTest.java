package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import io.jimagecuda.Text;
import io.jimagecuda.TextAlign;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code text.create} passes each parameter to the right option (the result equals the direct Java call),
 * runs on the recipe's backend, spells {@code center} as {@code centre}, and reports type and markup
 * errors with the step.
 */
class TextStepsTest {
  private static String step(String text, String align, float letterSpacing) {
    return "{\"op\": \"text.create\", \"text\": \"" + text + "\", \"font\": \"Sans Bold\", \"size\": 30, "
        + "\"color\": [1, 0.5, 0, 1], \"bgColor\": [0, 0, 0.25, 0.5], \"align\": \"" + align + "\", "
        + "\"justify\": false, \"spacing\": 7, \"letterSpacing\": " + letterSpacing + ", \"out\": \"t\"}";
  }

  private static Image run(String step) throws IOException {
    String json = "{\"name\": \"t\", \"images\": {\"img\": {\"width\": 1, \"height\": 1}}, \"steps\": [" + step
        + "], \"output\": \"t\"}";
    return new RecipeRunner(BackendKind.CPU, Path.of(".")).run(RecipeParser.parse(json));
  }

  private static float[] direct(String text, TextAlign align, float letterSpacing) {
    try (ImageU8 u8 = new ImageU8(1000, 200, BackendKind.CPU);
         Image img = Text.create(text, Text.Options.DEFAULTS.withFont("Sans Bold").withSize(30)
             .withColor(new Rgba(1, 0.5f, 0, 1)).withBgColor(new Rgba(0, 0, 0.25f, 0.5f)).withAlign(align)
             .withSpacing(7).withLetterSpacing(letterSpacing).withU8Buffer(u8))) {
      return Images.download(img);
    }
  }

  @Test
  void createTakesEveryParameter() throws IOException {
    try (Image out = run(step("One\\n<i>two</i> lines", "right", 2.5f))) {
      assertEquals(BackendKind.CPU, out.backend());
      assertArrayEquals(direct("One\n<i>two</i> lines", TextAlign.RIGHT, 2.5f), Images.download(out));
    }
  }

  @Test
  void centerCentresLikeCentre() throws IOException {
    try (Image center = run(step("a\\nwide line", "center", 0)); Image centre = run(step("a\\nwide line", "centre", 0))) {
      assertArrayEquals(Images.download(centre), Images.download(center));
      assertArrayEquals(direct("a\nwide line", TextAlign.CENTRE, 0), Images.download(center));
    }
  }

  @Test
  void textMustBeAString() {
    RecipeException e = assertThrows(RecipeException.class, () -> run(step("x", "left", 0).replace("\"x\"", "42")));
    assertTrue(e.getMessage().contains("parameter 'text' must be a string, got 42"), e.getMessage());
  }

  @Test
  void libraryErrorsNameTheStep() {
    RecipeException e = assertThrows(RecipeException.class, () -> run(step("<b>open", "left", 0)));
    assertTrue(e.getMessage().contains("step 1 (text.create)") && e.getMessage().contains("<b> is never closed"),
        e.getMessage());
  }
}
