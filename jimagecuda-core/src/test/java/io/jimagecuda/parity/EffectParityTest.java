package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Effect;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link Effect} op on CUDA against the CPU backend, on random non-zero images with fresh random
 * parameters, at sizes from one pixel to 4K; the stroke on random shapes (blobs, specks, faint pixels)
 * and on a rounded opaque rectangle, so that the CUDA backend's fused tile passes meet every kind of
 * tile border; the chroma key on pixels scattered around the key colour (every part of its ramp and its
 * spill suppression) and greys; the drop shadow at blur 0, 1, 20 and 100 with random offsets, some beyond
 * the image. The parameters come from a master seed, printed on failure; set
 * {@code -Djimagecuda.test.seed=N} to repeat a run.
 */
@GpuOnly
class EffectParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());
  private static final String SIZES = "1, 1\n3, 7\n1001, 777\n3840, 2160";

  /** A random number source for one case, and the text that describes its parameters. */
  private static final class Case {
    final Random random;
    final StringBuilder text = new StringBuilder();

    Case(String op, int width, int height) {
      random = new Random(SEED ^ (op.hashCode() * 1_000_003L + width * 31L + height));
      text.append(op).append(" (seed ").append(SEED).append(')');
    }

    int i(String name, int min, int max) {
      return log(name, min + random.nextInt(max - min + 1));
    }

    float f(String name, float min, float max) {
      return log(name, min + random.nextFloat() * (max - min));
    }

    boolean b(String name) {
      return log(name, random.nextBoolean());
    }

    Rgba rgba(String name) {
      return log(name, new Rgba(channel(), channel(), channel(), random.nextFloat()));
    }

    private float channel() {
      return -0.25f + 1.5f * random.nextFloat();
    }

    <T> T log(String name, T value) {
      text.append(' ').append(name).append('=').append(value);
      return value;
    }

    /** Random colours in −0.25..1.25 and alpha in 0.05..1: no zero anywhere. */
    float[] pixels(int w, int h) {
      float[] px = new float[w * h * 4];
      for (int i = 0; i < px.length; i++) {
        px[i] = i % 4 == 3 ? 0.05f + 0.95f * random.nextFloat() : channel();
      }
      return px;
    }

    /**
     * A random shape: a few discs and specks of random opaque or faint alpha on alpha 0, colours random
     * everywhere (also under alpha 0).
     */
    float[] shape(int w, int h) {
      float[] px = pixels(w, h);
      int discs = 1 + random.nextInt(5);
      float[][] d = new float[discs][];
      for (int k = 0; k < discs; k++) {
        d[k] = new float[] {random.nextFloat() * w, random.nextFloat() * h,
            1 + random.nextFloat() * Math.max(w, h) / 4f};
      }
      float specks = random.nextFloat() * 0.02f;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          boolean in = random.nextFloat() < specks;
          for (float[] c : d) {
            in |= Math.hypot(x - c[0], y - c[1]) < c[2];
          }
          int a = (y * w + x) * 4 + 3;
          px[a] = !in ? 0f : random.nextInt(8) == 0 ? 1e-3f * random.nextFloat() : px[a];
        }
      }
      return px;
    }

    /** Runs an in-place op on each backend's copy of {@code input} and compares. */
    void compareInPlace(int w, int h, float[] input, Consumer<Image> op) {
      Parity.compare(w, h, img -> {
        Images.upload(img, input);
        op.accept(img);
      }, text.toString());
    }

    /** Runs the stroke on each backend's copy of {@code input} and compares the results. */
    void compareStroke(int w, int h, float[] input, Effect.Stroke options) {
      float[] cpu = stroke(BackendKind.CPU, w, h, input, options);
      float[] cuda = stroke(BackendKind.CUDA, w, h, input, options);
      int pad = options.position() == StrokePosition.OUTSIDE && options.expand() ? options.width() : 0;
      Parity.assertClose(cpu, cuda, w + 2 * pad, text + " at " + w + "x" + h);
    }

    private static float[] stroke(BackendKind backend, int w, int h, float[] input, Effect.Stroke options) {
      try (Image img = new Image(w, h, backend); Image out = strokeOf(img, input, options)) {
        return Images.download(out);
      }
    }

    private static Image strokeOf(Image img, float[] input, Effect.Stroke options) {
      Images.upload(img, input);
      return Effect.stroke(img, options);
    }

    /** Runs the drop shadow on each backend's copy of {@code input} and compares sizes and pixels. */
    void compareShadow(int w, int h, float[] input, Effect.DropShadow options) {
      int[] cpuSize = new int[2];
      int[] cudaSize = new int[2];
      float[] cpu = shadow(BackendKind.CPU, w, h, input, options, cpuSize);
      float[] cuda = shadow(BackendKind.CUDA, w, h, input, options, cudaSize);
      assertEquals(cpuSize[0] + "x" + cpuSize[1], cudaSize[0] + "x" + cudaSize[1], text + ": result size");
      Parity.assertClose(cpu, cuda, cpuSize[0], text + " at " + w + "x" + h);
    }

    private static float[] shadow(BackendKind backend, int w, int h, float[] input, Effect.DropShadow options,
        int[] size) {
      try (Image img = new Image(w, h, backend)) {
        Images.upload(img, input);
        try (Image out = Effect.dropShadow(img, options)) {
          size[0] = out.width();
          size[1] = out.height();
          return Images.download(out);
        }
      }
    }

    /** An offset for a side of {@code n} pixels: a quarter of the time beyond the image, else within it. */
    int offset(String name, int n) {
      int far = random.nextInt(4) == 0 ? n + random.nextInt(40) : random.nextInt(n + 1);
      return log(name, random.nextBoolean() ? far : -far);
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void roundedCorners(int w, int h) {
    Case c = new Case("Effect.roundedCorners", w, h);
    float[] input = c.pixels(w, h);
    float radius = c.f("radius", 0, Math.min(w, h) * 0.6f);
    c.compareInPlace(w, h, input, img -> Effect.roundedCorners(img, radius));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void vignette(int w, int h) {
    for (int k = 0; k < 3; k++) {
      Case c = new Case("Effect.vignette " + k, w, h);
      float[] input = c.pixels(w, h);
      float radius = c.f("radius", -0.2f, 1.6f);
      float softness = k == 2 ? c.log("softness", 0f) : c.f("softness", -0.2f, 2f);
      Rgba color = c.rgba("color");
      c.compareInPlace(w, h, input, img -> Effect.vignette(img, new Effect.Vignette(radius, softness, color)));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void stroke(int w, int h) {
    for (StrokePosition position : StrokePosition.values()) {
      for (boolean expand : new boolean[] {true, false}) {
        Case c = new Case("Effect.stroke " + position + (expand ? " expand" : ""), w, h);
        float[] input = c.shape(w, h);
        // Up to 1000 on tiny images (a 2001-pixel canvas), up to 100 on large ones (memory of the CPU twin).
        int widest = w * h < 100 ? 1000 : w * h < 1_000_000 ? 300 : 100;
        int width = c.b("wide") ? c.i("width", 1, widest) : c.i("width", 1, 6);
        c.compareStroke(w, h, input, Effect.Stroke.DEFAULTS.withWidth(width).withColor(c.rgba("color"))
            .withPosition(position).withExpand(expand));
      }
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void strokeOfARoundedOpaqueRectangle(int w, int h) {
    Case c = new Case("Effect.stroke rounded rectangle", w, h);
    float[] input = c.pixels(w, h);
    for (int i = 3; i < input.length; i += 4) {
      input[i] = 1f;
    }
    float radius = c.f("radius", 0, Math.min(w, h) / 2f);
    int width = c.i("width", 1, 40);
    Rgba color = c.rgba("color");
    float[] rounded;
    try (Image img = new Image(w, h, BackendKind.CPU)) {
      Images.upload(img, input);
      Effect.roundedCorners(img, radius);
      rounded = Images.download(img);
    }
    c.compareStroke(w, h, rounded, Effect.Stroke.DEFAULTS.withWidth(width).withColor(color));
  }

  @Test
  void strokeIntoWithADistanceBufferMatchesTheCpu() {
    Case c = new Case("Effect.strokeInto with buffers", 300, 200);
    float[] input = c.shape(300, 200);
    float[] expected;
    try (Image img = new Image(300, 200, BackendKind.CPU); Image out = Case.strokeOf(img, input,
        Effect.Stroke.DEFAULTS.withWidth(9))) {
      expected = Images.download(out);
    }
    try (Image img = new Image(300, 200, BackendKind.CUDA); Image dst = new Image(400, 400, BackendKind.CUDA);
        Image distance = new Image(500, 500, BackendKind.CUDA)) {
      Images.upload(img, input);
      for (int round = 0; round < 2; round++) { // the second round reuses a dirty scratch buffer
        Effect.strokeInto(dst, img, Effect.Stroke.DEFAULTS.withWidth(9).withDistance(distance));
        assertEquals(318, dst.width());
        assertEquals(218, dst.height());
        Parity.assertClose(expected, Images.download(dst), 318, c.text.toString() + " round " + round);
      }
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void chromaKey(int w, int h) {
    for (int k = 0; k < 4; k++) {
      Case c = new Case("Effect.chromaKey " + k, w, h);
      boolean greyKey = k == 3;
      float g = c.random.nextFloat();
      Rgba key = greyKey ? c.log("keyColor", Rgba.rgb(g, g, g))
          : c.log("keyColor", Rgba.rgb(c.random.nextFloat(), c.random.nextFloat(), c.random.nextFloat()));
      float threshold = c.f("threshold", 0.05f, 1f);
      float smoothness = k == 1 ? c.log("smoothness", 0f) : c.f("smoothness", 0f, 1f);
      float spill = k == 2 ? c.log("spillSuppression", 0f) : c.f("spillSuppression", 0f, 1f);
      float[] input = c.pixels(w, h);
      for (int i = 0; i < input.length; i += 4) {
        int kind = c.random.nextInt(4);
        if (kind == 0) { // a grey
          input[i + 1] = input[i];
          input[i + 2] = input[i];
        } else if (kind > 1) { // near the key: every distance from 0 to past the threshold
          float spread = 0.4f * c.random.nextFloat();
          input[i] = key.r() + spread * (c.random.nextFloat() - 0.5f);
          input[i + 1] = key.g() + spread * (c.random.nextFloat() - 0.5f);
          input[i + 2] = key.b() + spread * (c.random.nextFloat() - 0.5f);
        }
      }
      Effect.ChromaKey options = new Effect.ChromaKey(key, threshold, smoothness, spill);
      c.compareInPlace(w, h, input, img -> Effect.chromaKey(img, options));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void dropShadow(int w, int h) {
    for (int blur : new int[] {0, 1, 20, 100}) {
      Case c = new Case("Effect.dropShadow blur=" + blur, w, h);
      c.log("blur", blur);
      float[] input = c.pixels(w, h);
      Effect.DropShadow options = Effect.DropShadow.DEFAULTS.withBlur(blur)
          .withOffset(c.offset("offsetX", w), c.offset("offsetY", h)).withColor(c.rgba("color"))
          .withExpand(c.b("expand"));
      c.compareShadow(w, h, input, options);
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void dropShadowOfAShape(int w, int h) {
    Case c = new Case("Effect.dropShadow shape", w, h);
    float[] input = c.shape(w, h);
    c.compareShadow(w, h, input, Effect.DropShadow.DEFAULTS.withBlur(c.i("blur", 0, 30))
        .withOffset(c.offset("offsetX", w), c.offset("offsetY", h)).withColor(c.rgba("color")));
  }

  @Test
  void dropShadowIntoWithScratchBuffersMatchesTheCpu() {
    Case c = new Case("Effect.dropShadowInto with buffers", 300, 200);
    float[] input = c.shape(300, 200);
    Effect.DropShadow options = Effect.DropShadow.DEFAULTS.withOffset(-7, 12).withBlur(9)
        .withColor(new Rgba(0.9f, 0.2f, 0.4f, 0.6f));
    float[] expected;
    try (Image img = new Image(300, 200, BackendKind.CPU); Image out = shadowOf(img, input, options)) {
      expected = Images.download(out);
    }
    try (Image img = new Image(300, 200, BackendKind.CUDA); Image dst = new Image(400, 400, BackendKind.CUDA);
        Image shadow = new Image(500, 500, BackendKind.CUDA); Image temp = new Image(350, 300, BackendKind.CUDA)) {
      Images.upload(img, input);
      for (int round = 0; round < 2; round++) { // the second round reuses dirty scratch buffers
        Effect.dropShadowInto(dst, img, options.withShadow(shadow).withTemp(temp));
        assertEquals(325, dst.width());
        assertEquals(230, dst.height());
        Parity.assertClose(expected, Images.download(dst), 325, c.text.toString() + " round " + round);
      }
      Effect.dropShadowInto(dst, img, options.withTemp(temp)); // own canvas, supplied blur scratch
      Parity.assertClose(expected, Images.download(dst), 325, c.text.toString() + " own canvas");
      Effect.dropShadowInto(dst, img, options.withShadow(shadow)); // supplied canvas, own blur scratch
      Parity.assertClose(expected, Images.download(dst), 325, c.text.toString() + " own blur scratch");
    }
  }

  private static Image shadowOf(Image img, float[] input, Effect.DropShadow options) {
    Images.upload(img, input);
    return Effect.dropShadow(img, options);
  }

  @Test
  void imagesOfDifferentBackendsAreRejected() {
    try (Image cpu = new Image(4, 4, BackendKind.CPU); Image cuda = new Image(10, 10, BackendKind.CUDA)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Effect.strokeInto(cuda, cpu));
      assertTrue(e.getMessage().contains("different backends"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> Effect.stroke(cpu, Effect.Stroke.DEFAULTS.withDistance(cuda)));
      assertThrows(IllegalArgumentException.class, () -> Effect.dropShadowInto(cuda, cpu));
      assertThrows(IllegalArgumentException.class,
          () -> Effect.dropShadow(cpu, Effect.DropShadow.DEFAULTS.withShadow(cuda)));
      assertThrows(IllegalArgumentException.class,
          () -> Effect.dropShadow(cpu, Effect.DropShadow.DEFAULTS.withTemp(cuda)));
    }
  }
}
