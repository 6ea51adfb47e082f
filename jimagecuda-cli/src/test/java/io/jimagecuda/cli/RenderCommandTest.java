package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.JImageCuda;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir
  Path dir;

  private Path recipe(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  private Path colorRecipe() throws IOException {
    return recipe("color.json", "{\"name\": \"color\", \"images\": {\"img\": {\"width\": 4, \"height\": 3}}, "
        + "\"steps\": [{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [0.2, 0.4, 0.6, 0.5]}], "
        + "\"output\": \"img\"}");
  }

  /** The user-error contract: exit 2, one line on stderr containing {@code fragment}, no stack trace. */
  private static void assertUserError(Cli.Result r, String fragment) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(fragment), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void writesThePngOfTheOutputImage() throws IOException {
    Path png = dir.resolve("out/color.png");
    Cli.Result r = Cli.run("render", colorRecipe().toString(), "-o", png.toString(), "--backend", "cpu");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("color: 4x3 on cpu in "), r.out());
    BufferedImage img = Png.read(png);
    assertEquals(4, img.getWidth());
    assertEquals(3, img.getHeight());
    // (0.2, 0.4, 0.6, 0.5) · 255 + 0.5, truncated: 51, 102, 153, 128.
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 4; x++) {
        assertEquals(128 << 24 | 51 << 16 | 102 << 8 | 153, img.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void loadsInputsFromTheRecipesDirectoryOrFromInputs() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("photos"));
    Png.write(inputs.resolve("in.png"), 2, 2, 0x80_10_20_30);
    Path recipe = recipe("load.json", "{\"name\": \"load\", \"images\": {\"img\": {\"load\": \"in.png\"}}, "
        + "\"steps\": [], \"output\": \"img\"}");
    Path png = dir.resolve("load.png");

    Cli.Result missing = Cli.run("render", recipe.toString(), "-o", png.toString(), "--backend", "cpu");
    assertUserError(missing, "image 'img': input file " + dir.resolve("in.png") + " does not exist");

    Cli.Result r = Cli.run("render", recipe.toString(), "-o", png.toString(), "--backend", "cpu",
        "--inputs", inputs.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(0x80_10_20_30, Png.read(png).getRGB(1, 1));
  }

  @Test
  void anInvalidRecipeIsAUserError() throws IOException {
    Path bad = recipe("bad.json", "{\"name\": \"bad\", \"images\": {\"img\": {\"width\": 4, \"height\": 3}}, "
        + "\"steps\": [{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [1, 0, 0]}], \"output\": \"img\"}");
    Cli.Result r = Cli.run("render", bad.toString(), "-o", dir.resolve("x.png").toString());
    assertUserError(r, "jimagecuda render: " + bad + ": step 1 (fill.color): parameter 'rgba' must be an array "
        + "of 4 numbers [r, g, b, a], got [1,0,0]");
    assertFalse(Files.exists(dir.resolve("x.png")));
  }

  @Test
  void theLastOpsOfTheVocabularyRender() throws IOException {
    // Every op is bound now (the "not implemented yet" path is tested with a smaller registry in the recipe
    // module's RecipeRunnerTest): green keyed out, then a drop shadow of what is left.
    Path keyed = recipe("keyed.json", "{\"name\": \"keyed\", \"images\": {\"img\": {\"width\": 4, \"height\": 3}}, "
        + "\"steps\": [{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [0, 1, 0, 1]}, "
        + "{\"op\": \"effect.chromaKey\", \"image\": \"img\", \"keyColor\": [0.0, 1.0, 0.0], \"threshold\": 0.4, \"smoothness\": 0.1, \"spillSuppression\": 0.5}, "
        + "{\"op\": \"effect.dropShadow\", \"image\": \"img\", \"offsetX\": 1, \"offsetY\": 1, \"blur\": 0, \"color\": [0, 0, 0, 1], \"expand\": true, \"out\": \"s\"}], "
        + "\"output\": \"s\"}");
    Path out = dir.resolve("keyed.png");
    Cli.Result r = Cli.run("render", keyed.toString(), "-o", out.toString(), "--backend", "cpu");
    assertEquals(0, r.exit(), r.err());
    BufferedImage png = Png.read(out);
    assertEquals(5, png.getWidth());
    assertEquals(4, png.getHeight());
    assertEquals(0, png.getRGB(2, 2)); // transparent: the green was keyed out, so it casts no shadow
  }

  @Test
  void aMissingRecipeFileIsAUserError() {
    assertUserError(Cli.run("render", dir.resolve("none.json").toString(), "-o", "x.png"),
        "jimagecuda render: file not found: " + dir.resolve("none.json"));
  }

  @Test
  void argumentErrorsAreUserErrors() throws IOException {
    String recipe = colorRecipe().toString();
    assertUserError(Cli.run("render", recipe), "Missing required option: '--output=IMAGE'");
    assertUserError(Cli.run("render", recipe, "-o", "x.gif"),
        "--output must name a .png, .jpg, .jpeg, .bmp, .tif, .tiff, .webp file, got 'x.gif'");
    assertUserError(Cli.run("render", recipe, "-o", "x.png", "--max-pixels", "0"),
        "--max-pixels must be a positive integer, got 0");
    assertUserError(Cli.run("render", recipe, "-o", "x.png", "--backend", "gpu"),
        "Unknown backend 'gpu': expected cpu or cuda");
  }

  @Test
  void anUnavailableBackendIsAUserError() throws IOException {
    Assumptions.assumeFalse(JImageCuda.isCudaAvailable(), "CUDA is available here");
    assertUserError(Cli.run("render", colorRecipe().toString(), "-o", dir.resolve("x.png").toString(),
        "--backend", "cuda"), "jimagecuda render: ");
  }

  @Test
  void debugPrintsTheStackTrace() throws IOException {
    Cli.Result r = Cli.run("render", dir.resolve("none.json").toString(), "-o", "x.png", "--debug");
    System.clearProperty("jimagecuda.debug");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("java.nio.file.NoSuchFileException"), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  /** Issue 13: render refused every format but PNG although the library writes them all. */
  @Test
  void writesEveryFormatTheLibraryWrites() throws IOException {
    String recipe = colorRecipe().toString();
    for (String name : new String[] {"c.jpg", "c.jpeg", "c.bmp", "c.tif", "c.tiff", "c.webp", "C.PNG"}) {
      Path out = dir.resolve(name);
      Cli.Result r = Cli.run("render", recipe, "-o", out.toString(), "--backend", "cpu");
      assertEquals(0, r.exit(), name + ": " + r.err());
      assertTrue(Files.size(out) > 0, name);
      try (io.jimagecuda.Image back = io.jimagecuda.Images.load(out)) {
        assertEquals(4, back.width(), name);
        assertEquals(3, back.height(), name);
      }
    }
  }

  /** Issue 11: the pixel limit and the damaged-file opt-in reach the recipe's loads, for this run only. */
  @Test
  void maxPixelsAndAcceptTruncatedApplyToTheLoads() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("in"));
    Png.write(inputs.resolve("in.png"), 10, 10, 0xFF_10_20_30);
    Path recipe = recipe("load.json", "{\"name\": \"load\", \"images\": {\"img\": {\"load\": \"in.png\"}}, "
        + "\"steps\": [], \"output\": \"img\"}");
    Path out = dir.resolve("out.png");
    Cli.Result limited = Cli.run("render", recipe.toString(), "-o", out.toString(), "--backend", "cpu",
        "--inputs", inputs.toString(), "--max-pixels", "99");
    assertUserError(limited, "more than the limit of 99");
    assertEquals(null, System.getProperty("jimagecuda.load.maxPixels"), "the setting is restored");
    assertEquals(0, Cli.run("render", recipe.toString(), "-o", out.toString(), "--backend", "cpu",
        "--inputs", inputs.toString(), "--max-pixels", "100").exit());

    byte[] png = Files.readAllBytes(inputs.resolve("in.png"));
    Files.write(inputs.resolve("in.png"), java.util.Arrays.copyOf(png, png.length - 12)); // no IEND
    assertUserError(Cli.run("render", recipe.toString(), "-o", out.toString(), "--backend", "cpu",
        "--inputs", inputs.toString()), "truncated");
    Cli.Result accepted = Cli.run("render", recipe.toString(), "-o", out.toString(), "--backend", "cpu",
        "--inputs", inputs.toString(), "--accept-truncated");
    assertEquals(0, accepted.exit(), accepted.err());
    assertEquals(null, System.getProperty("jimagecuda.load.acceptTruncated"), "the setting is restored");
  }
}
