package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipeParserTest {
  private static final String COLOR_STEP =
      "{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [1.0, 0.0, 0.0, 1.0]}";

  /** A recipe with one 4x4 image "img", the given steps, and output {@code img}. */
  private static String recipe(String... steps) {
    return "{\"name\": \"t\", \"images\": {\"img\": {\"width\": 4, \"height\": 4}}, \"steps\": ["
        + String.join(",", steps) + "], \"output\": \"img\"}";
  }

  private static String error(String json) {
    return assertThrows(RecipeException.class, () -> RecipeParser.parse(json)).getMessage();
  }

  private static void assertMessage(String json, String... fragments) {
    String message = error(json);
    for (String f : fragments) {
      assertTrue(message.contains(f), () -> "message \"" + message + "\" lacks \"" + f + "\"");
    }
  }

  // ---------------------------------------------------------------- valid recipes

  @Test
  void parsesEveryPartOfAValidRecipe() {
    Recipe r = RecipeParser.parse("""
        {
          "name": "demo",
          "images": {"base": {"width": 8, "height": 6}, "photo": {"load": "photo.jpg"}},
          "steps": [
            {"op": "fill.gradient", "image": "base", "rgba1": [1, 0, 0, 1], "rgba2": [0.0, 0.0, 1.0, 0.5],
             "direction": "radial", "seamless": true},
            {"op": "filter.gaussianBlur", "src": "base", "radius": 3, "sigma": null, "out": "blurred"},
            {"op": "effect.chromaKey", "image": "photo", "keyColor": [0, 1, 0], "threshold": 0.4,
             "smoothness": 0.1, "spillSuppression": 0.5}
          ],
          "output": "blurred",
          "tolerance": {"psnr": 38.5, "maxdiff": null}
        }""");
    assertEquals("demo", r.name());
    assertEquals(List.of("base", "photo"), List.copyOf(r.images().keySet()));
    assertEquals(new Recipe.NewImage(8, 6), r.images().get("base"));
    assertEquals(new Recipe.LoadImage("photo.jpg"), r.images().get("photo"));
    assertEquals("blurred", r.output());
    assertEquals(new Tolerance(38.5, null), r.tolerance().orElseThrow());

    Recipe.Step gradient = r.steps().get(0);
    assertEquals(1, gradient.number());
    assertEquals("fill.gradient", gradient.op().name());
    assertEquals(new Rgba(1, 0, 0, 1), gradient.args().get("rgba1"));
    assertEquals(new Rgba(0, 0, 1, 0.5f), gradient.args().get("rgba2"));
    assertEquals("radial", gradient.args().get("direction"));
    assertEquals(Boolean.TRUE, gradient.args().get("seamless"));
    assertNull(gradient.out());

    Recipe.Step blur = r.steps().get(1);
    assertEquals(3, blur.args().get("radius"));
    assertTrue(blur.args().containsKey("sigma"));
    assertNull(blur.args().get("sigma"));
    assertEquals("blurred", blur.out());

    Recipe.Step key = r.steps().get(2);
    assertArrayEquals(new float[] {0, 1, 0}, (float[]) key.args().get("keyColor"));
    assertEquals(0.4, key.args().get("threshold"));
  }

  @Test
  void acceptsAnIntegerWhereAFloatIsExpected() {
    Recipe r = RecipeParser.parse(recipe(
        "{\"op\": \"fill.noise\", \"image\": \"img\", \"seed\": 42, \"monochrome\": true}"));
    assertEquals(42.0, r.steps().get(0).args().get("seed"));
  }

  @Test
  void withoutToleranceTheDefaultApplies() {
    Recipe r = RecipeParser.parse(recipe(COLOR_STEP));
    assertFalse(r.tolerance().isPresent());
    assertEquals(Tolerance.DEFAULT, r.toleranceOrDefault());
    assertEquals(new Tolerance(40, 3), Tolerance.DEFAULT);
  }

  @Test
  void everyCaseOfTheConformanceKitParses() throws IOException {
    Path kit = KitLocation.find();
    org.junit.jupiter.api.Assumptions.assumeTrue(kit != null, KitLocation.MISSING);
    for (String name : new ConformanceKit(kit).cases()) {
      Recipe r = RecipeParser.parse(kit.resolve("cases").resolve(name + ".json"));
      assertEquals(name, r.name());
    }
  }

  // ---------------------------------------------------------------- top level

  @Test
  void rejectsMalformedJsonWithItsPosition() {
    assertMessage("{\"name\": \"t\",\n  \"images\": }", "invalid JSON at line 2, column");
  }

  @Test
  void rejectsTrailingContent() {
    assertMessage(recipe(COLOR_STEP) + " {}", "invalid JSON");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertMessage("{\"name\": \"a\", \"name\": \"b\"}", "invalid JSON", "Duplicate field 'name'");
  }

  @Test
  void rejectsAnEmptyDocument() {
    assertMessage("  ", "the recipe is empty");
  }

  @Test
  void rejectsANonObject() {
    assertMessage("[1, 2]", "a recipe must be a JSON object, got [1,2]");
  }

  @Test
  void rejectsAnUnknownTopLevelKey() {
    assertMessage(recipe(COLOR_STEP).replace("\"output\"", "\"outptu\": \"img\", \"output\""),
        "unknown top-level key 'outptu'", "allowed: name, images, steps, output, tolerance");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "images", "steps", "output"})
  void rejectsAMissingTopLevelKey(String key) {
    String json = switch (key) {
      case "name" -> "{\"images\": {}, \"steps\": [], \"output\": \"img\"}";
      case "images" -> "{\"name\": \"t\", \"steps\": [], \"output\": \"img\"}";
      case "steps" -> "{\"name\": \"t\", \"images\": {}, \"output\": \"img\"}";
      default -> "{\"name\": \"t\", \"images\": {}, \"steps\": []}";
    };
    assertMessage(json, "missing top-level key '" + key + "'");
  }

  @Test
  void rejectsANameThatIsNotAString() {
    assertMessage(recipe(COLOR_STEP).replace("\"name\": \"t\"", "\"name\": 5"),
        "'name' must be a non-empty string, got 5");
  }

  @Test
  void rejectsAnUndefinedOutput() {
    assertMessage(recipe(COLOR_STEP).replace("\"output\": \"img\"", "\"output\": \"result\""),
        "'output' names image 'result', which is never defined (images: img)");
  }

  // ---------------------------------------------------------------- images

  @Test
  void rejectsImagesThatAreNotAnObject() {
    assertMessage("{\"name\": \"t\", \"images\": [], \"steps\": [], \"output\": \"img\"}",
        "'images' must be an object");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "5                                      | image 'img': must be {\"width\": W, \"height\": H} or {\"load\"",
      "{\"width\": 4}                         | image 'img': missing key 'height'",
      "{\"width\": 4, \"height\": 4, \"d\": 1} | image 'img': unexpected key 'd'",
      "{\"load\": \"a.png\", \"width\": 4}     | image 'img': unexpected key 'width'",
      "{\"width\": 0, \"height\": 4}           | image 'img': 'width' must be an integer in 1..32768, got 0",
      "{\"width\": 4, \"height\": 40000}       | image 'img': 'height' must be an integer in 1..32768, got 40000",
      "{\"width\": 4.5, \"height\": 4}         | image 'img': 'width' must be an integer in 1..32768, got 4.5",
      "{\"load\": 7}                          | image 'img': 'load' must be a non-empty string, got 7",
      "{\"load\": \"/etc/passwd\"}            | image 'img': 'load' must name a file inside the inputs directory",
      "{\"load\": \"../secret.png\"}          | image 'img': 'load' must name a file inside the inputs directory",
  })
  void rejectsBadImageEntries(String entry, String message) {
    assertMessage("{\"name\": \"t\", \"images\": {\"img\": " + entry + "}, \"steps\": [], \"output\": \"img\"}",
        message);
  }

  // ---------------------------------------------------------------- steps

  @Test
  void rejectsStepsThatAreNotAnArray() {
    assertMessage(recipe().replace("\"steps\": []", "\"steps\": {}"), "'steps' must be an array");
  }

  @Test
  void rejectsAStepThatIsNotAnObject() {
    assertMessage(recipe(COLOR_STEP, "\"fill.color\""), "step 2: must be an object with an 'op' key");
  }

  @Test
  void rejectsAStepWithoutOp() {
    assertMessage(recipe(COLOR_STEP, "{\"image\": \"img\"}"), "step 2: missing key 'op'");
  }

  @Test
  void rejectsAnOpThatIsNotAString() {
    assertMessage(recipe("{\"op\": 3}"), "step 1: 'op' must be a non-empty string, got 3");
  }

  @Test
  void rejectsAnUnknownOpOfAKnownFamily() {
    assertMessage(recipe(COLOR_STEP, COLOR_STEP, "{\"op\": \"fill.colour\", \"image\": \"img\"}"),
        "unknown op 'fill.colour' (step 3)", "the fill ops are fill.color, fill.gradient");
  }

  @Test
  void rejectsAnUnknownOpOfAnUnknownFamily() {
    assertMessage(recipe("{\"op\": \"paint\"}"), "unknown op 'paint' (step 1)",
        "families fill, blend, adjust, filter, effect, transform, resize");
  }

  @Test
  void rejectsAnUnknownParameter() {
    assertMessage(recipe(COLOR_STEP.replace("}", ", \"opacity\": 1.0}")),
        "step 1 (fill.color): unknown parameter 'opacity' (parameters: image, rgba)");
  }

  @Test
  void rejectsOutOnAnInPlaceOp() {
    assertMessage(recipe(COLOR_STEP.replace("}", ", \"out\": \"copy\"}")),
        "step 1 (fill.color): unknown key 'out': fill.color works in place");
  }

  @Test
  void rejectsAMissingParameter() {
    assertMessage(recipe(COLOR_STEP, "{\"op\": \"fill.noise\", \"image\": \"img\", \"seed\": 1.0}"),
        "step 2 (fill.noise): missing parameter 'monochrome'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // INT
      "fill.checkerboard | size      | 2.0                | must be an integer, got 2.0",
      "fill.checkerboard | size      | \"20\"             | must be an integer, got \"20\"",
      "fill.checkerboard | size      | 3000000000         | must be an integer, got 3000000000",
      // FLOAT
      "fill.noise        | seed      | \"1\"              | must be a number, got \"1\"",
      "fill.noise        | seed      | 1e39               | must be a number, got 1.0E39",
      // BOOL
      "fill.noise        | monochrome| 1                  | must be true or false, got 1",
      // RGBA
      "fill.color        | rgba      | [1, 0, 0]          | must be an array of 4 numbers [r, g, b, a], got [1,0,0]",
      "fill.color        | rgba      | [1, 0, 0, \"x\"]   | must be an array of 4 numbers [r, g, b, a]",
      "fill.color        | rgba      | \"red\"            | must be an array of 4 numbers [r, g, b, a], got \"red\"",
      // RGB
      "effect.chromaKey  | keyColor  | [0, 1, 0, 1]       | must be an array of 3 numbers [r, g, b], got [0,1,0,1]",
      // CHOICE
      "fill.gradient | direction | \"up\" | must be one of horizontal, vertical, diagonal, radial, got \"up\"",
      "blend.normal      | anchor    | \"middle\"         | must be one of top-left, top-center",
      // IMAGE
      "fill.color        | image     | 5                  | must be an image id (string), got 5",
      // null where not allowed, allowed where nullable
      "fill.noise        | seed      | null               | must be a number, got null",
      "filter.gaussianBlur | radius  | null               | must be an integer, got null",
  })
  void rejectsValuesOfTheWrongType(String op, String param, String value, String message) {
    String step = validStep(op).replace("\"" + param + "\": " + validValue(op, param),
        "\"" + param + "\": " + value);
    assertMessage(recipe(COLOR_STEP, step), "step 2 (" + op + "): parameter '" + param + "' " + message);
  }

  @Test
  void nullIsAcceptedWhereTheParameterIsOptional() {
    Recipe r = RecipeParser.parse(recipe("{\"op\": \"resize.bilinear\", \"src\": \"img\", \"width\": 800, "
        + "\"height\": null, \"out\": \"small\"}"));
    assertEquals(800, r.steps().get(0).args().get("width"));
    assertNull(r.steps().get(0).args().get("height"));
  }

  @Test
  void rejectsAnImageThatIsNotDefinedYet() {
    assertMessage(recipe("{\"op\": \"blend.normal\", \"base\": \"img\", \"overlay\": \"logo\", "
            + "\"anchor\": \"center\", \"offsetX\": 0, \"offsetY\": 0, \"opacity\": 1.0}"),
        "step 1 (blend.normal): parameter 'overlay' names image 'logo', which is not defined at this step "
            + "(defined: img)");
  }

  @Test
  void anOutImageIsDefinedForLaterSteps() {
    Recipe r = RecipeParser.parse(recipe(
        "{\"op\": \"filter.sobel\", \"src\": \"img\", \"out\": \"edges\"}",
        "{\"op\": \"filter.invert\", \"image\": \"edges\"}"));
    assertEquals("edges", r.steps().get(1).args().get("image"));
  }

  @Test
  void rejectsAProducerWithoutOut() {
    assertMessage(recipe("{\"op\": \"filter.sobel\", \"src\": \"img\"}"),
        "step 1 (filter.sobel): missing key 'out'");
  }

  @Test
  void rejectsAnOutThatAlreadyExists() {
    assertMessage(recipe("{\"op\": \"filter.sobel\", \"src\": \"img\", \"out\": \"img\"}"),
        "step 1 (filter.sobel): 'out' names image 'img', which already exists");
  }

  @Test
  void rejectsAnOutThatIsNotAString() {
    assertMessage(recipe("{\"op\": \"filter.sobel\", \"src\": \"img\", \"out\": 1}"),
        "step 1 (filter.sobel): 'out' must be a non-empty string, got 1");
  }

  // ---------------------------------------------------------------- tolerance

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "40                                  | 'tolerance' must be {\"psnr\": P, \"maxdiff\": M or null}",
      "{\"psnr\": 40, \"maxdiff\": 3, \"x\": 1} | tolerance: unknown key 'x'",
      "{\"maxdiff\": 3}                     | tolerance: missing key 'psnr'",
      "{\"psnr\": 40}                       | tolerance: missing key 'maxdiff'",
      "{\"psnr\": \"40\", \"maxdiff\": 3}   | tolerance: 'psnr' must be a number",
      "{\"psnr\": 40, \"maxdiff\": -1}      | tolerance: 'maxdiff' must be a non-negative integer or null",
      "{\"psnr\": 40, \"maxdiff\": 2.5}     | tolerance: 'maxdiff' must be a non-negative integer or null",
  })
  void rejectsABadTolerance(String tolerance, String message) {
    assertMessage(recipe(COLOR_STEP).replace("\"output\"", "\"tolerance\": " + tolerance + ", \"output\""),
        message);
  }

  @Test
  void readsAToleranceWithMaxDiff() {
    Recipe r = RecipeParser.parse(recipe(COLOR_STEP).replace("\"output\"",
        "\"tolerance\": {\"psnr\": 45, \"maxdiff\": 1}, \"output\""));
    assertEquals(new Tolerance(45, 1), r.toleranceOrDefault());
  }

  // ---------------------------------------------------------------- files

  @Test
  void errorsFromAFileStartWithItsPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, recipe("{\"op\": \"fill.colour\"}"));
    String message = assertThrows(RecipeException.class, () -> RecipeParser.parse(file)).getMessage();
    assertTrue(message.startsWith(file + ": unknown op 'fill.colour' (step 1)"), message);
  }

  // ---------------------------------------------------------------- helpers

  /** A valid step of {@code op}, every parameter present. */
  private static String validStep(String op) {
    return switch (op) {
      case "fill.checkerboard" -> "{\"op\": \"fill.checkerboard\", \"image\": \"img\", \"size\": 20, "
          + "\"color1\": [0.8, 0.8, 0.8, 1], \"color2\": [0.5, 0.5, 0.5, 1], \"offsetX\": 0, \"offsetY\": 0}";
      case "fill.noise" -> "{\"op\": \"fill.noise\", \"image\": \"img\", \"seed\": 0.0, \"monochrome\": true}";
      case "fill.color" -> COLOR_STEP;
      case "effect.chromaKey" -> "{\"op\": \"effect.chromaKey\", \"image\": \"img\", \"keyColor\": [0, 1, 0], "
          + "\"threshold\": 0.4, \"smoothness\": 0.1, \"spillSuppression\": 0.5}";
      case "fill.gradient" -> "{\"op\": \"fill.gradient\", \"image\": \"img\", \"rgba1\": [0, 0, 0, 1], "
          + "\"rgba2\": [1, 1, 1, 1], \"direction\": \"horizontal\", \"seamless\": false}";
      case "blend.normal" -> "{\"op\": \"blend.normal\", \"base\": \"img\", \"overlay\": \"img\", "
          + "\"anchor\": \"top-left\", \"offsetX\": 0, \"offsetY\": 0, \"opacity\": 1.0}";
      case "filter.gaussianBlur" -> "{\"op\": \"filter.gaussianBlur\", \"src\": \"img\", \"radius\": 3, "
          + "\"sigma\": null, \"out\": \"blurred\"}";
      default -> throw new IllegalArgumentException(op);
    };
  }

  /** The JSON text {@link #validStep} uses for {@code param}. */
  private static String validValue(String op, String param) {
    return switch (param) {
      case "size" -> "20";
      case "seed" -> "0.0";
      case "monochrome" -> "true";
      case "rgba" -> "[1.0, 0.0, 0.0, 1.0]";
      case "keyColor" -> "[0, 1, 0]";
      case "direction" -> "\"horizontal\"";
      case "anchor" -> "\"top-left\"";
      case "image" -> "\"img\"";
      case "radius" -> "3";
      default -> throw new IllegalArgumentException(op + "." + param);
    };
  }
}
