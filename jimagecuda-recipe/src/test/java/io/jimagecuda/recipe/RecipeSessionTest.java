package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecipeSession}: the same pixels as {@link RecipeRunner}, run after run, with its images kept. */
class RecipeSessionTest {
  static final String RECIPE = """
      {"name": "session",
       "images": {"canvas": {"width": 40, "height": 30}, "photo": {"load": "photo.png"}},
       "steps": [
        {"op": "fill.gradient", "image": "canvas", "rgba1": [0.1, 0.2, 0.6, 1], "rgba2": [0.9, 0.5, 0.1, 0.5],
         "direction": "horizontal", "seamless": false},
        {"op": "filter.gaussianBlur", "src": "photo", "radius": 2, "sigma": null, "out": "soft"},
        {"op": "blend.normal", "base": "canvas", "overlay": "soft", "anchor": "center", "offsetX": 3,
         "offsetY": -2, "opacity": 0.8},
        {"op": "transform.rotate", "image": "canvas", "angle": 10, "expand": false, "interpolation": "bilinear",
         "out": "turned"},
        {"op": "transform.crop", "image": "turned", "x": 2, "y": 3, "width": 30, "height": 20, "out": "cut"},
        {"op": "adjust.contrast", "image": "cut", "factor": 1.3}
       ],
       "output": "cut"}
      """;

  @TempDir
  Path inputs;

  private Recipe recipe() throws IOException {
    byte[] rgba = new byte[16 * 12 * 4];
    new Random(5).nextBytes(rgba);
    TestImages.writePng(inputs.resolve("photo.png"), 16, 12, rgba);
    return RecipeParser.parse(RECIPE);
  }

  private float[] runner(Recipe r) throws IOException {
    try (Image out = new RecipeRunner(BackendKind.CPU, inputs).run(r)) {
      return Images.download(out);
    }
  }

  @Test
  void everyRunEqualsTheRunnerAndKeepsItsImages() throws IOException {
    Recipe r = recipe();
    try (RecipeSession s = new RecipeSession(r, BackendKind.CPU, inputs)) {
      Image first = s.run();
      assertArrayEquals(runner(r), Images.download(first));
      Image again = s.run();
      assertSame(first, again, "crop writes into the image it made on the first run");
      assertArrayEquals(runner(r), Images.download(again), "a second run starts from fresh initial images");

      s.set(2, "radius", 5);
      s.set(1, "rgba2", new Rgba(0, 1, 0, 1));
      s.set(6, "factor", 0.7);
      Image changed = s.run();
      assertSame(first, changed);
      assertArrayEquals(runner(s.recipe()), Images.download(changed));
      assertEquals(3, s.runs());
      assertEquals(5, s.get(2, "radius"));
      assertEquals(0.7, s.get(6, "factor"));
    }
  }

  @Test
  void aSizeThatNoLongerFitsMakesANewImage() throws IOException {
    try (RecipeSession s = new RecipeSession(recipe(), BackendKind.CPU, inputs)) {
      Image first = s.run();
      s.set(5, "width", 38);
      s.set(5, "height", 26);
      Image bigger = s.run();
      assertNotSame(first, bigger);
      assertTrue(first.isFreed(), "the image that no longer fits is freed");
      assertEquals(38, bigger.width());
      assertArrayEquals(runner(s.recipe()), Images.download(bigger));
    }
  }

  @Test
  void valuesAreCheckedAgainstTheSignatureAndTheLibraryOnRun() throws IOException {
    try (RecipeSession s = new RecipeSession(recipe(), BackendKind.CPU, inputs)) {
      assertEquals("step 2 (filter.gaussianBlur): parameter 'radius' must be an integer, got 2.5",
          assertThrows(IllegalArgumentException.class, () -> s.set(2, "radius", 2.5)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> s.set(2, "src", "canvas"));
      assertThrows(IllegalArgumentException.class, () -> s.set(4, "interpolation", "cubic"));
      assertThrows(IllegalArgumentException.class, () -> s.set(1, "rgba1", null));
      assertThrows(IllegalArgumentException.class, () -> s.set(7, "factor", 1));
      assertThrows(IllegalArgumentException.class, () -> s.set(6, "gamma", 1));
      s.set(2, "sigma", 1.5);
      s.set(2, "sigma", null);

      s.set(2, "radius", -4);
      RecipeException e = assertThrows(RecipeException.class, s::run);
      assertTrue(e.getMessage().startsWith("step 2 (filter.gaussianBlur): ") && e.getMessage().contains("radius"),
          e.getMessage());
      assertEquals(2, s.failedStep());
      s.set(2, "radius", 2);
      assertArrayEquals(runner(s.recipe()), Images.download(s.run()), "the session recovers");
      assertEquals(0, s.failedStep());
    }
  }

  @Test
  void closeFreesEverything() throws IOException {
    RecipeSession s = new RecipeSession(recipe(), BackendKind.CPU, inputs);
    Image out = s.run();
    s.close();
    assertTrue(out.isFreed());
    assertThrows(IllegalStateException.class, s::run);
    s.close();
  }

  @Test
  void aMissingInputFileIsAnErrorNamingIt() {
    RecipeException e = assertThrows(RecipeException.class,
        () -> new RecipeSession(RecipeParser.parse(RECIPE), BackendKind.CPU, inputs));
    assertTrue(e.getMessage().contains("photo.png") && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void theWriterWritesWhatTheParserReads() throws IOException {
    Recipe r = recipe();
    Recipe back = RecipeParser.parse(RecipeWriter.toJson(r));
    assertEquals(RecipeWriter.toJson(r), RecipeWriter.toJson(back));
    assertEquals(r.images(), back.images());
    assertEquals(r.output(), back.output());
    for (int i = 0; i < r.steps().size(); i++) {
      assertEquals(r.steps().get(i).op(), back.steps().get(i).op());
      assertEquals(r.steps().get(i).out(), back.steps().get(i).out());
      assertEquals(r.steps().get(i).args().keySet(), back.steps().get(i).args().keySet());
    }
    assertEquals(new Rgba(0.9f, 0.5f, 0.1f, 0.5f), back.steps().get(0).args().get("rgba2"));
    assertEquals(null, back.steps().get(1).args().get("sigma"));
  }

  @Test
  void rangesKnowTheLibrarysBounds() {
    ParamRange blur = ParamRange.of("filter.gaussianBlur", "radius").orElseThrow();
    assertEquals(0, blur.min());
    assertEquals(io.jimagecuda.Filter.MAX_RADIUS, blur.max());
    assertTrue(blur.enforced());
    assertTrue(ParamRange.of("blend.normal", "opacity").orElseThrow().enforced());
    assertTrue(ParamRange.of("adjust.brightness", "factor").orElseThrow().contains(1));
    for (OpSpec op : Vocabulary.all()) {
      for (Param p : op.params()) {
        if (p.type() == ParamType.INT || p.type() == ParamType.FLOAT) {
          assertTrue(ParamRange.of(op.name(), p.name()).isPresent(), op.name() + "." + p.name() + " has no range");
        }
      }
    }
  }
}
