package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipe memory (allocate at first use, free after last use), input files and hostile text. */
class RecipeReliabilityTest {
  @TempDir
  Path inputs;

  /** A codec that makes a small image per load and counts how many it handed out are still live. */
  static final class CountingFiles implements ImageFiles {
    final List<Image> loaded = new ArrayList<>();
    int maxLive;

    @Override
    public Image load(Path file, BackendKind backend) {
      Image img = new Image(4, 4, backend);
      Fill.color(img, new Rgba(0.5f, 0.25f, 0.125f, 1));
      loaded.add(img);
      maxLive = Math.max(maxLive, live());
      return img;
    }

    int live() {
      return (int) loaded.stream().filter(i -> !i.isFreed()).count();
    }

    @Override
    public void save(Image image, Path file) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aRecipeOf2000LoadedLayersHoldsOnlyAFewImagesAtATime() throws IOException {
    int n = 2000;
    StringBuilder images = new StringBuilder("\"acc\": {\"width\": 4, \"height\": 4}");
    StringBuilder steps = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Files.createFile(inputs.resolve("l" + i + ".png"));
      images.append(", \"l").append(i).append("\": {\"load\": \"l").append(i).append(".png\"}");
      steps.append(i == 0 ? "" : ", ").append("{\"op\": \"blend.normal\", \"base\": \"acc\", \"overlay\": \"l")
          .append(i).append("\", \"anchor\": \"top-left\", \"offsetX\": 0, \"offsetY\": 0, \"opacity\": 0.5}");
    }
    String json = "{\"name\": \"layers\", \"images\": {" + images + "}, \"steps\": [" + steps
        + "], \"output\": \"acc\"}";
    CountingFiles files = new CountingFiles();
    try (Image out = new RecipeRunner(OpRegistry.standard(), BackendKind.CPU, inputs, files)
        .run(RecipeParser.parse(json))) {
      assertEquals(n, files.loaded.size());
      assertTrue(files.maxLive <= 2, "at most " + files.maxLive + " loaded images were live at once");
      assertEquals(0, files.live(), "every loaded layer is freed after its step");
      assertFalse(out.isFreed());
    }
  }

  @Test
  void anImageUsedOnlyByALaterStepIsCreatedThenAndTheOutputSurvives() throws IOException {
    Files.createFile(inputs.resolve("a.png"));
    CountingFiles files = new CountingFiles();
    String json = """
        {"name": "t", "images": {"a": {"load": "a.png"}, "b": {"width": 2, "height": 2}},
         "steps": [{"op": "fill.color", "image": "b", "rgba": [1, 0, 0, 1]},
                   {"op": "fill.color", "image": "a", "rgba": [0, 1, 0, 1]}],
         "output": "b"}""";
    try (Image out = new RecipeRunner(OpRegistry.standard(), BackendKind.CPU, inputs, files)
        .run(RecipeParser.parse(json))) {
      assertEquals(1, files.loaded.size());
      assertTrue(files.loaded.get(0).isFreed());
      assertEquals(2, out.width());
    }
  }

  @Test
  void everyInputIsCheckedBeforeAnyImageIsCreated() {
    CountingFiles files = new CountingFiles();
    String json = """
        {"name": "t", "images": {"a": {"load": "missing.png"}, "b": {"width": 2, "height": 2}},
         "steps": [{"op": "fill.color", "image": "b", "rgba": [1, 0, 0, 1]}], "output": "b"}""";
    RecipeException e = assertThrows(RecipeException.class,
        () -> new RecipeRunner(OpRegistry.standard(), BackendKind.CPU, inputs, files).run(RecipeParser.parse(json)));
    assertTrue(e.getMessage().contains("missing.png does not exist"), e.getMessage());
    assertEquals(0, files.loaded.size());
  }

  private RecipeException loadFails(String file) {
    String json = "{\"name\": \"t\", \"images\": {\"a\": {\"load\": \"" + file + "\"}}, \"steps\": [], "
        + "\"output\": \"a\"}";
    return assertThrows(RecipeException.class,
        () -> new RecipeRunner(OpRegistry.standard(), BackendKind.CPU, inputs, new CountingFiles())
            .run(RecipeParser.parse(json)));
  }

  @Test
  void aSymbolicLinkToAFileOutsideTheInputsIsRefused(@TempDir Path elsewhere) throws IOException {
    Path secret = Files.writeString(elsewhere.resolve("secret.png"), "x");
    Files.createSymbolicLink(inputs.resolve("link.png"), secret);
    RecipeException e = loadFails("link.png");
    assertTrue(e.getMessage().contains("is a symbolic link to " + secret.toRealPath()), e.getMessage());
    assertTrue(e.getMessage().contains("outside the inputs directory"), e.getMessage());
  }

  @Test
  void aSymbolicLinkWithinTheInputsIsFollowed() throws IOException {
    Files.createDirectories(inputs.resolve("sub"));
    Path target = Files.writeString(inputs.resolve("sub/real.png"), "x");
    Files.createSymbolicLink(inputs.resolve("link.png"), target);
    CountingFiles files = new CountingFiles();
    String json = "{\"name\": \"t\", \"images\": {\"a\": {\"load\": \"link.png\"}}, \"steps\": [], \"output\": \"a\"}";
    try (Image out = new RecipeRunner(OpRegistry.standard(), BackendKind.CPU, inputs, files).run(RecipeParser.parse(json))) {
      assertEquals(4, out.width());
    }
  }

  @Test
  void aDirectoryIsNotReportedAsMissing() throws IOException {
    Files.createDirectories(inputs.resolve("dir.png"));
    assertTrue(loadFails("dir.png").getMessage().contains("is a directory, not a file"));
  }

  @Test
  void nanInARecipeNamesTheStepAndParameter() {
    RecipeException e = assertThrows(RecipeException.class, () -> RecipeParser.parse("""
        {"name": "t", "images": {"a": {"width": 2, "height": 2}},
         "steps": [{"op": "adjust.brightness", "image": "a", "factor": NaN}], "output": "a"}"""));
    assertTrue(e.getMessage().startsWith("step 1 (adjust.brightness): parameter 'factor' must be"), e.getMessage());
    assertTrue(e.getMessage().contains("got NaN: NaN, Infinity"), e.getMessage());
    assertFalse(e.getMessage().contains("enable"), e.getMessage());
    RecipeException c = assertThrows(RecipeException.class, () -> RecipeParser.parse("""
        {"name": "t", "images": {"a": {"width": 2, "height": 2}},
         "steps": [{"op": "fill.color", "image": "a", "rgba": [1, -Infinity, 0, 1]}], "output": "a"}"""));
    assertTrue(c.getMessage().startsWith("step 1 (fill.color): parameter 'rgba'"), c.getMessage());
    assertTrue(c.getMessage().contains("not allowed"), c.getMessage());
    RecipeException w = assertThrows(RecipeException.class, () -> RecipeParser.parse("""
        {"name": "t", "images": {"a": {"width": NaN, "height": 2}}, "steps": [], "output": "a"}"""));
    assertEquals("image 'a': 'width' must be an integer in 1..32768, got NaN", w.getMessage());
  }

  @Test
  void invalidUtf8NamesTheByteOffset() throws IOException {
    byte[] head = "{\"name\": \"caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    bytes[head.length + 1] = '"';
    bytes[head.length + 2] = '}';
    Path file = Files.write(inputs.resolve("bad.json"), bytes);
    RecipeException e = assertThrows(RecipeException.class, () -> RecipeParser.parse(file));
    assertEquals(file + ": not valid UTF-8: malformed byte sequence 0xC3 at byte offset " + head.length
        + " (line 1); recipes are UTF-8 text", e.getMessage());
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    assertEquals("t", RecipeParser.parse(RecipeParser.utf8(
        "\uFEFF{\"name\": \"t\", \"images\": {\"a\": {\"width\": 1, \"height\": 1}}, \"steps\": [], \"output\": \"a\"}"
            .getBytes(StandardCharsets.UTF_8))).name());
  }
}
