package io.jimagecuda.recipe;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzzes recipe parsing and execution on the CPU backend. Every input must end in a recipe that runs, or in
 * a {@link RecipeException} (or an {@link IOException} of an input file); anything else (a
 * {@link NullPointerException}, an {@link IllegalStateException}, an {@link OutOfMemoryError}, a hang) is a
 * finding. Sizes are capped so that one input cannot legitimately ask for gigabytes: recipes whose images
 * or integer arguments exceed {@link #CAP} are parsed but not run.
 *
 * <p>In a normal build this runs the inputs under {@code src/test/resources/io/jimagecuda/recipe/
 * RecipeFuzzTestInputs/parseAndRun} (regression mode). To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -pl
 * jimagecuda-recipe -am -Dtest=RecipeFuzzTest -Dsurefire.failIfNoSpecifiedTests=false verify} (see
 * docs/reliability.md).
 */
class RecipeFuzzTest {
  /** Largest image side and integer argument a fuzzed recipe may use to be run. */
  static final int CAP = 64;
  private static final Path INPUTS = inputs();

  private static Path inputs() {
    try {
      Path dir = Files.createTempDirectory("recipe-fuzz-inputs");
      try (Image img = new Image(3, 2, BackendKind.CPU)) {
        ImageFiles.standard().save(img, dir.resolve("a.png"));
      }
      dir.toFile().deleteOnExit();
      dir.resolve("a.png").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
  @DictionaryEntries({"\"name\"", "\"images\"", "\"steps\"", "\"output\"", "\"op\"", "\"out\"", "\"width\"",
      "\"height\"", "\"load\"", "\"a.png\"", "\"image\"", "\"base\"", "\"overlay\"", "\"rgba\"", "\"factor\"",
      "\"fill.color\"", "\"blend.normal\"", "\"adjust.brightness\"", "\"filter.gaussianBlur\"", "\"resize.resize\"",
      "\"transform.rotate\"", "\"effect.stroke\"", "NaN", "Infinity", "-1", "1e40", "null", "true"})
  void parseAndRun(byte[] data) {
    Recipe recipe;
    try {
      recipe = RecipeParser.parse(RecipeParser.utf8(data));
    } catch (RecipeException e) {
      return;
    }
    if (!small(recipe)) {
      return;
    }
    try (Image out = new RecipeRunner(BackendKind.CPU, INPUTS).run(recipe)) {
      if (out.isFreed()) {
        throw new IllegalStateException("the runner returned a freed output image");
      }
    } catch (RecipeException | IOException e) {
      // a clear, expected error
    }
  }

  private static boolean small(Recipe recipe) {
    for (Recipe.ImageSource s : recipe.images().values()) {
      if (s instanceof Recipe.NewImage n && (n.width() > CAP || n.height() > CAP)) {
        return false;
      }
    }
    for (Recipe.Step step : recipe.steps()) {
      for (Map.Entry<String, Object> a : step.args().entrySet()) {
        if (a.getValue() instanceof Integer i && Math.abs((long) i) > CAP
            || a.getValue() instanceof Double d && Math.abs(d) > 1000) {
          return false;
        }
      }
    }
    return true;
  }
}
