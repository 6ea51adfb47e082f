package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.HostImage;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.parity.GpuOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code $input} placeholder, {@link RecipeRunner#run(Recipe, Image)} and {@link RecipeJob}. */
class RecipeJobTest {
  /** Resize to 40 wide, adjust, blend a watermark file: the batch command's typical recipe, small. */
  static final String RECIPE = """
      {"name": "thumb",
       "images": {"photo": {"load": "$input"}, "mark": {"load": "mark.png"}},
       "steps": [
         {"op": "resize.bilinear", "src": "photo", "width": 40, "height": null, "out": "small"},
         {"op": "adjust.contrast", "image": "small", "factor": 1.2},
         {"op": "blend.normal", "base": "small", "overlay": "mark", "anchor": "bottom-right",
          "offsetX": -2, "offsetY": -2, "opacity": 0.7}
       ],
       "output": "small"}
      """;

  @TempDir
  Path inputs;

  @BeforeEach
  void watermark() throws IOException {
    TestImages.writePng(inputs.resolve("mark.png"), 8, 6, pattern(8, 6, 5));
  }

  static byte[] pattern(int w, int h, int seed) {
    byte[] b = new byte[w * h * 4];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 31 + seed * 7 + i / (4 * w) * 13);
    }
    return b;
  }

  private Path photo(String name, int w, int h, int seed) throws IOException {
    Path file = inputs.resolve(name);
    TestImages.writePng(file, w, h, pattern(w, h, seed));
    return file;
  }

  @Test
  void theInputPlaceholderIsParsedAndNeedsAnInput() throws IOException {
    Recipe recipe = RecipeParser.parse(RECIPE);
    assertTrue(recipe.usesInput());
    assertTrue(((Recipe.LoadImage) recipe.images().get("photo")).isInput());
    assertFalse(((Recipe.LoadImage) recipe.images().get("mark")).isInput());
    RecipeException e = assertThrows(RecipeException.class,
        () -> new RecipeRunner(BackendKind.CPU, inputs).run(recipe));
    assertTrue(e.getMessage().contains("loads \"$input\" but no input image was given"), e.getMessage());
    assertFalse(RecipeParser.parse("{\"name\": \"n\", \"images\": {\"a\": {\"width\": 1, \"height\": 1}}, "
        + "\"steps\": [], \"output\": \"a\"}").usesInput());
  }

  @Test
  void anUnknownPlaceholderIsRejected() {
    RecipeException e = assertThrows(RecipeException.class, () -> RecipeParser.parse(
        "{\"name\": \"n\", \"images\": {\"a\": {\"load\": \"$inptu\"}}, \"steps\": [], \"output\": \"a\"}"));
    assertTrue(e.getMessage().contains("unknown placeholder \"$inptu\""), e.getMessage());
  }

  @Test
  void runWithAnInputCopiesItAndLeavesItUnchanged() throws IOException {
    Recipe recipe = RecipeParser.parse("""
        {"name": "n", "images": {"a": {"load": "$input"}},
         "steps": [{"op": "adjust.brightness", "image": "a", "factor": 0.5}], "output": "a"}
        """);
    try (Image input = Images.fromHostImage(new HostImage(4, 3, pattern(4, 3, 1)), BackendKind.CPU)) {
      float[] before = Images.download(input);
      try (Image out = new RecipeRunner(BackendKind.CPU, inputs).run(recipe, input)) {
        assertEquals(4, out.width());
        assertFalse(java.util.Arrays.equals(before, Images.download(out)), "the step changed the copy");
      }
      assertArrayEquals(before, Images.download(input), "the caller's input is not changed");
      assertFalse(input.isFreed());
    }
  }

  @Test
  void everyEntryPointGivesTheSameBytesAsLoadingTheFile() throws IOException {
    Path file = photo("p.png", 64, 48, 3);
    Recipe recipe = RecipeParser.parse(RECIPE);
    // The reference: the recipe with the input as a plain {"load": file}.
    Recipe asFile = RecipeParser.parse(RECIPE.replace("$input", "p.png"));
    Path expectedFile = inputs.resolve("expected.png");
    try (Image out = new RecipeRunner(BackendKind.CPU, inputs).run(asFile)) {
      Images.save(out, expectedFile);
    }
    byte[] expected = Files.readAllBytes(expectedFile);
    try (RecipeJob job = new RecipeJob(recipe, inputs, BackendKind.CPU)) {
      assertEquals(-1, job.cudaDevice());
      assertArrayEquals(expected, job.render(Files.readAllBytes(file), "png", Images.Save.ENCODER_DEFAULT_QUALITY));
      // Again: the cached watermark gives the same result.
      assertArrayEquals(expected, job.render(Files.readAllBytes(file), ".PNG", Images.Save.ENCODER_DEFAULT_QUALITY));
      HostImage host = job.render(Images.decode(file, RecipeJob.INPUT_AUTOROTATE));
      assertArrayEquals(expected, Images.encode(host, "png", Images.Save.ENCODER_DEFAULT_QUALITY));
      try (RecipeJob.Binding binding = job.bind();
          Image in = Images.fromHostImage(Images.decode(file, false), job.backend());
          Image out = job.render(in)) {
        assertArrayEquals(expected, Images.encode(out, "png", Images.Save.DEFAULTS));
      }
    }
  }

  @Test
  void jobsAreThreadSafe() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      files.add(photo("p" + i + ".png", 50 + i, 30 + i, i));
    }
    Recipe recipe = RecipeParser.parse(RECIPE);
    List<byte[]> serial = new ArrayList<>();
    try (RecipeJob job = new RecipeJob(recipe, inputs, BackendKind.CPU)) {
      for (Path f : files) {
        serial.add(job.render(Files.readAllBytes(f), "png", Images.Save.ENCODER_DEFAULT_QUALITY));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (RecipeJob job = new RecipeJob(recipe, inputs, BackendKind.CPU)) {
      List<Future<byte[]>> parallel = new ArrayList<>();
      for (Path f : files) {
        parallel.add(pool.submit(() -> job.render(Files.readAllBytes(f), "png", 90)));
      }
      for (int i = 0; i < files.size(); i++) {
        assertArrayEquals(serial.get(i), parallel.get(i).get(), files.get(i).toString());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void failuresNameTheirCause() throws IOException {
    Recipe recipe = RecipeParser.parse(RECIPE);
    try (RecipeJob job = new RecipeJob(recipe, inputs, BackendKind.CPU)) {
      assertThrows(IOException.class, () -> job.render(new byte[] {1, 2, 3}, "png", 90));
      byte[] photo = Files.readAllBytes(photo("q.png", 20, 20, 1));
      assertThrows(IllegalArgumentException.class, () -> job.render(photo, "gif", 90)); // read, never written
      Files.delete(inputs.resolve("mark.png"));
      RecipeException missing = assertThrows(RecipeException.class, () -> job.render(photo, "png", 90));
      assertTrue(missing.getMessage().contains("mark.png"), missing.getMessage());
    }
  }

  /** On the GPU machine: the job on CUDA device 0 against the CPU backend. */
  @GpuOnly
  @Nested
  class OnTheGpu {
    @Test
    void cudaDeviceZeroMatchesTheCpu() throws IOException {
      Path file = photo("g.png", 300, 200, 9);
      Recipe recipe = RecipeParser.parse(RECIPE);
      HostImage cpu;
      HostImage cuda;
      try (RecipeJob job = new RecipeJob(recipe, inputs, BackendKind.CPU)) {
        cpu = job.render(Images.decode(file, false));
      }
      try (RecipeJob job = new RecipeJob(recipe, inputs, BackendKind.CUDA, 0)) {
        assertEquals(0, job.cudaDevice());
        cuda = job.render(Images.decode(file, false));
      }
      assertEquals(cpu.width(), cuda.width());
      assertEquals(cpu.height(), cuda.height());
      for (int i = 0; i < cpu.rgba().length; i++) {
        int d = Math.abs((cpu.rgba()[i] & 0xFF) - (cuda.rgba()[i] & 0xFF));
        assertTrue(d <= 1, "byte " + i + " differs by " + d);
      }
    }

    @Test
    void aMissingDeviceFailsWhenTheJobIsMade() throws IOException {
      Recipe recipe = RecipeParser.parse(RECIPE);
      int count = io.jimagecuda.JImageCuda.cudaDeviceCount();
      io.jimagecuda.BackendUnavailableException e = assertThrows(io.jimagecuda.BackendUnavailableException.class,
          () -> new RecipeJob(recipe, inputs, BackendKind.CUDA, count));
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
  }
}
