package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import io.jimagecuda.recipe.steps.FillSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeRunnerTest {
  @TempDir
  Path inputs;

  private Image run(String json) throws IOException {
    return new RecipeRunner(BackendKind.CPU, inputs).run(RecipeParser.parse(json));
  }

  private static float[] pixels(Image img, Rgba c) {
    float[] expected = new float[(int) img.pixels() * 4];
    for (int i = 0; i < expected.length; i += 4) {
      System.arraycopy(c.toArray(), 0, expected, i, 4);
    }
    return expected;
  }

  @Test
  void newImagesAreTransparentBlack() throws IOException {
    try (Image out = run("{\"name\": \"t\", \"images\": {\"img\": {\"width\": 3, \"height\": 2}}, \"steps\": [], "
        + "\"output\": \"img\"}")) {
      assertEquals(3, out.width());
      assertEquals(2, out.height());
      assertEquals(BackendKind.CPU, out.backend());
      assertArrayEquals(new float[3 * 2 * 4], Images.download(out));
    }
  }

  @Test
  void runsStepsInOrderAndReturnsTheOutputImage() throws IOException {
    try (Image out = run("""
        {"name": "t",
         "images": {"a": {"width": 2, "height": 2}, "b": {"width": 3, "height": 1}},
         "steps": [
           {"op": "fill.color", "image": "b", "rgba": [1.0, 0.0, 0.0, 1.0]},
           {"op": "fill.color", "image": "a", "rgba": [0.0, 1.0, 0.0, 1.0]},
           {"op": "fill.color", "image": "b", "rgba": [0.25, 0.5, 0.75, 0.5]}
         ],
         "output": "b"}""")) {
      assertEquals(3, out.width());
      assertArrayEquals(pixels(out, new Rgba(0.25f, 0.5f, 0.75f, 0.5f)), Images.download(out));
    }
  }

  @Test
  void loadsAnInputFileWithoutChangingItsPixels() throws IOException {
    TestImages.writePng(inputs.resolve("two.png"), 2, 1, new byte[] {10, 20, 30, (byte) 255, (byte) 255, 0,
        (byte) 128, 64});
    try (Image out = run("{\"name\": \"t\", \"images\": {\"img\": {\"load\": \"two.png\"}}, \"steps\": [], "
        + "\"output\": \"img\"}")) {
      assertArrayEquals(new float[] {10 / 255f, 20 / 255f, 30 / 255f, 1, 1, 0, 128 / 255f, 64 / 255f},
          Images.download(out));
    }
  }

  @Test
  void aMissingInputFileNamesTheImage() {
    RecipeException e = assertThrows(RecipeException.class, () -> run(
        "{\"name\": \"t\", \"images\": {\"photo\": {\"load\": \"nope.jpg\"}}, \"steps\": [], \"output\": \"photo\"}"));
    assertTrue(e.getMessage().startsWith("image 'photo': input file "), e.getMessage());
    assertTrue(e.getMessage().endsWith("nope.jpg does not exist"), e.getMessage());
  }

  @Test
  void anOpWithoutBindingIsNotImplementedYet() {
    // The standard registry binds every op of the vocabulary; a registry with the fills only does not.
    OpRegistry fills = new OpRegistry();
    FillSteps.register(fills);
    Recipe recipe = RecipeParser.parse("""
        {"name": "t", "images": {"img": {"width": 2, "height": 2}},
         "steps": [
           {"op": "fill.color", "image": "img", "rgba": [1.0, 0.0, 0.0, 1.0]},
           {"op": "fill.color", "image": "img", "rgba": [1.0, 0.0, 0.0, 1.0]},
           {"op": "effect.chromaKey", "image": "img", "keyColor": [0.0, 1.0, 0.0], "threshold": 0.4, "smoothness": 0.1, "spillSuppression": 0.5}
         ],
         "output": "img"}""");
    assertEquals(Optional.of("op 'effect.chromaKey' is not implemented yet (step 3)"), fills.unimplemented(recipe));
    RecipeException e = assertThrows(RecipeException.class,
        () -> new RecipeRunner(fills, BackendKind.CPU, inputs, ImageFiles.standard()).run(recipe));
    assertEquals("op 'effect.chromaKey' is not implemented yet (step 3)", e.getMessage());
    assertEquals(Optional.empty(), OpRegistry.standard().unimplemented(recipe));
  }

  @Test
  void aConformanceCaseWithAnUnboundOpIsSkipped() throws IOException {
    // The path the conformance command reports as SKIP, with a registry that lacks the op.
    Path kit = inputs.resolve("kit");
    Files.createDirectories(kit.resolve("cases"));
    Files.writeString(kit.resolve("cases/later.json"), """
        {"name": "later", "images": {"img": {"width": 2, "height": 2}},
         "steps": [
           {"op": "fill.color", "image": "img", "rgba": [1.0, 0.0, 0.0, 1.0]},
           {"op": "effect.dropShadow", "image": "img", "offsetX": 10, "offsetY": 10, "blur": 20, "color": [0.0, 0.0, 0.0, 0.5], "expand": true, "out": "s"}
         ],
         "output": "s"}""");
    OpRegistry fills = new OpRegistry();
    FillSteps.register(fills);
    ConformanceKit small = new ConformanceKit(kit, fills, ImageFiles.standard());
    for (CaseResult r : List.of(small.run("later", BackendKind.CPU, null), small.compareBackends("later", null))) {
      assertEquals(CaseResult.Status.SKIP, r.status());
      assertEquals("op 'effect.dropShadow' is not implemented yet (step 2)", r.detail());
    }
    // With every op bound the case runs (and fails here only because the kit has no expected image).
    CaseResult full = new ConformanceKit(kit).run("later", BackendKind.CPU, null);
    assertEquals(CaseResult.Status.FAIL, full.status());
    assertTrue(full.detail().startsWith("no expected image"), full.detail());
  }

  @Test
  void theStandardRegistryBindsEveryOpOfTheVocabulary() {
    OpRegistry standard = OpRegistry.standard();
    for (OpSpec op : Vocabulary.all()) {
      assertTrue(standard.isImplemented(op.name()), op.name() + " is not bound");
    }
  }

  @Test
  void anArgumentTheLibraryRejectsNamesTheStep() {
    OpRegistry registry = new OpRegistry();
    registry.inPlace("fill.color", a -> {
      throw new IllegalArgumentException("Fill.color: rgba must be finite");
    });
    Recipe recipe = RecipeParser.parse("{\"name\": \"t\", \"images\": {\"img\": {\"width\": 2, \"height\": 2}}, "
        + "\"steps\": [{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [1, 0, 0, 1]}], \"output\": \"img\"}");
    RecipeException e = assertThrows(RecipeException.class,
        () -> new RecipeRunner(registry, BackendKind.CPU, inputs, ImageFiles.standard()).run(recipe));
    assertEquals("step 1 (fill.color): Fill.color: rgba must be finite", e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void aProducerStoresItsImageUnderOutAndEveryOtherImageIsFreed() throws IOException {
    List<Image> seen = new ArrayList<>();
    OpRegistry registry = new OpRegistry();
    registry.producer("transform.crop", a -> {
      Image src = a.image("image");
      seen.add(src);
      Image out = new Image(a.i32("width"), a.i32("height"), src.backend());
      Fill.color(out, new Rgba(0, 0, 1, 1));
      return out;
    });
    Recipe recipe = RecipeParser.parse("""
        {"name": "t", "images": {"img": {"width": 4, "height": 4}},
         "steps": [{"op": "transform.crop", "image": "img", "x": 0, "y": 0, "width": 2, "height": 1,
                    "out": "cropped"}],
         "output": "cropped"}""");
    try (Image out = new RecipeRunner(registry, BackendKind.CPU, inputs, ImageFiles.standard()).run(recipe)) {
      assertEquals(2, out.width());
      assertEquals(1, out.height());
      assertFalse(out.isFreed());
      assertArrayEquals(pixels(out, new Rgba(0, 0, 1, 1)), Images.download(out));
      assertTrue(seen.get(0).isFreed(), "the input image is freed once the output is returned");
    }
  }

  @Test
  void everyImageIsFreedWhenAStepFails() {
    List<Image> seen = new ArrayList<>();
    OpRegistry registry = new OpRegistry();
    registry.inPlace("fill.color", a -> {
      seen.add(a.image("image"));
      throw new IllegalStateException("device lost");
    });
    Recipe recipe = RecipeParser.parse("{\"name\": \"t\", \"images\": {\"img\": {\"width\": 2, \"height\": 2}}, "
        + "\"steps\": [{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [1, 0, 0, 1]}], \"output\": \"img\"}");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RecipeRunner(registry, BackendKind.CPU, inputs, ImageFiles.standard()).run(recipe));
    assertEquals("device lost", e.getMessage());
    assertTrue(seen.get(0).isFreed());
  }

  @Test
  void registryRejectsBindingsThatDoNotMatchTheVocabulary() {
    OpRegistry registry = new OpRegistry();
    assertEquals("op 'fill.colour' is not in the recipe vocabulary", assertThrows(IllegalArgumentException.class,
        () -> registry.inPlace("fill.colour", a -> { })).getMessage());
    assertEquals("op 'filter.sobel' returns an image: bind it with producer()",
        assertThrows(IllegalArgumentException.class, () -> registry.inPlace("filter.sobel", a -> { })).getMessage());
    assertEquals("op 'fill.color' works in place: bind it with inPlace()",
        assertThrows(IllegalArgumentException.class, () -> registry.producer("fill.color", a -> null)).getMessage());
    registry.inPlace("fill.color", a -> { });
    assertEquals("op 'fill.color' is bound already",
        assertThrows(IllegalArgumentException.class, () -> registry.inPlace("fill.color", a -> { })).getMessage());
  }

  @Test
  void theStandardRegistryBindsEveryFillOp() {
    OpRegistry registry = OpRegistry.standard();
    for (String op : Vocabulary.family("fill")) {
      assertTrue(registry.isImplemented(op), op);
    }
    assertEquals(10, Vocabulary.family("fill").size());
  }
}
