package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * CUDA-versus-CPU comparison of operations that make a new image from a source (Resize, Transform): the
 * same random source is uploaded to both backends, the operation runs on each, and the results must
 * have the same size and agree within {@link Parity#TOLERANCE}. Each comparison prints the largest
 * absolute difference it measured and how many floats differ at all, so that the bound is on record
 * (the geometry kernels are expected to be bit-identical to their CPU twins: 0 and 0).
 */
final class Producers {
  private Producers() {
  }

  /**
   * A random {@code w × h} source: every channel in −0.25..1.25 (out-of-range values exercise Lanczos'
   * clamp and bicubic's overshoot) and never within 1e-3 of 0.
   */
  static float[] random(int w, int h, long seed) {
    Random r = new Random(seed);
    float[] px = new float[w * h * 4];
    for (int i = 0; i < px.length; i++) {
      float v = -0.25f + 1.5f * r.nextFloat();
      px[i] = Math.abs(v) < 1e-3f ? 0.5f : v;
    }
    return px;
  }

  /** Runs {@code op} on both backends (a new result each) and compares. */
  static void compare(int w, int h, float[] src, Function<Image, Image> op, String what) {
    Result cpu = run(BackendKind.CPU, w, h, src, op);
    Result cuda = run(BackendKind.CUDA, w, h, src, op);
    check(cpu, cuda, what + " from " + w + "x" + h);
  }

  /**
   * Runs {@code into(dst, src)} on both backends with a fresh {@code dstW × dstH} destination whose pixels
   * are first set to 0.75 (so that a pixel the operation forgets shows), and compares.
   */
  static void compareInto(int w, int h, float[] src, int dstW, int dstH, BiConsumer<Image, Image> into,
      String what) {
    Function<Image, Image> op = s -> {
      Image dst = new Image(dstW, dstH, s.backend());
      float[] junk = new float[dstW * dstH * 4];
      Arrays.fill(junk, 0.75f);
      Images.upload(dst, junk);
      into.accept(dst, s);
      return dst;
    };
    compare(w, h, src, op, what + " into " + dstW + "x" + dstH);
  }

  private record Result(int width, int height, float[] pixels) {
  }

  private static Result run(BackendKind kind, int w, int h, float[] src, Function<Image, Image> op) {
    try (Image s = new Image(w, h, kind)) {
      Images.upload(s, src);
      try (Image out = op.apply(s)) {
        return new Result(out.width(), out.height(), Images.download(out));
      }
    }
  }

  private static void check(Result cpu, Result cuda, String what) {
    assertEquals(List.of(cpu.width, cpu.height), List.of(cuda.width, cuda.height), what + ": result size");
    double max = 0;
    long differing = 0;
    for (int i = 0; i < cpu.pixels.length; i++) {
      float a = cpu.pixels[i];
      float b = cuda.pixels[i];
      if (Float.floatToIntBits(a) != Float.floatToIntBits(b)) {
        differing++;
        max = Math.max(max, Math.abs((double) a - b));
      }
    }
    System.out.printf("[parity] %s -> %dx%d: max |cuda - cpu| = %.3g, %d of %d floats differ%n", what, cpu.width,
        cpu.height, max, differing, cpu.pixels.length);
    Parity.assertClose(cpu.pixels, cuda.pixels, cpu.width, what);
  }
}
