package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.fail;

import io.jimagecuda.Adjust;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link Adjust} op on CUDA against the CPU backend, on fresh random pixels (channels, alpha
 * included, in −0.25..1.25, a tenth of the pixels grey) with fresh random parameters, at sizes from one
 * pixel to 4K. Every op but gamma must give the same bits: the kernels and the CPU twins do the same IEEE
 * operations in the same order (division, {@code fmodf} and {@code fmaf} are exact or correctly rounded on
 * both). Gamma compares CUDA's {@code powf} (at most 2 ulp from the exact power) with {@link Math#pow}
 * rounded to float (at most 1 ulp): they must agree to within {@value #GAMMA_ULPS} ulp, and within the
 * project's 1e-4 relative rule. The master seed is printed on failure; set
 * {@code -Djimagecuda.test.seed=N} to repeat a run.
 */
@GpuOnly
class AdjustParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());
  private static final int GAMMA_ULPS = 3;
  private static final String SIZES = "1, 1\n3, 7\n1001, 777\n3840, 2160";

  /** One case: its random source, the input pixels, and the text that describes its parameters. */
  private static final class Case {
    final Random random;
    final StringBuilder text = new StringBuilder();
    final int width;
    final int height;
    final float[] pixels;

    Case(String op, int width, int height) {
      this.width = width;
      this.height = height;
      random = new Random(SEED ^ (op.hashCode() * 1_000_003L + width * 31L + height));
      text.append(op).append(" (seed ").append(SEED).append(')');
      pixels = new float[width * height * 4];
      for (int i = 0; i < pixels.length; i += 4) {
        boolean grey = random.nextInt(10) == 0;
        pixels[i] = channel();
        pixels[i + 1] = grey ? pixels[i] : channel();
        pixels[i + 2] = grey ? pixels[i] : channel();
        pixels[i + 3] = channel();
      }
    }

    private float channel() {
      return -0.25f + 1.5f * random.nextFloat();
    }

    float f(String name, float min, float max) {
      float v = min + random.nextFloat() * (max - min);
      text.append(' ').append(name).append('=').append(v);
      return v;
    }

    /** The op's result on each backend: {cpu, cuda}. */
    float[][] run(Consumer<Image> op) {
      return new float[][] {run(BackendKind.CPU, op), run(BackendKind.CUDA, op)};
    }

    private float[] run(BackendKind kind, Consumer<Image> op) {
      try (Image img = new Image(width, height, kind)) {
        Images.upload(img, pixels);
        op.accept(img);
        return Images.download(img);
      }
    }

    String what() {
      return text + " at " + width + "x" + height;
    }

    /** Both backends give the same bits (NaN matches NaN). */
    void assertIdentical(Consumer<Image> op) {
      float[][] r = run(op);
      int bad = 0;
      int first = -1;
      for (int i = 0; i < r[0].length; i++) {
        if (Float.floatToIntBits(r[0][i]) != Float.floatToIntBits(r[1][i])) {
          bad++;
          first = first < 0 ? i : first;
        }
      }
      if (bad > 0) {
        int p = first / 4;
        fail(String.format("%s: %d of %d values differ; first at pixel (%d, %d) channel %d: input %s, CPU %s, "
            + "CUDA %s", what(), bad, r[0].length, p % width, p / width, first % 4, pixels[first], r[0][first],
            r[1][first]));
      }
    }

    /** Both backends agree within {@code ulps} ulp of the CPU value and within {@link Parity#TOLERANCE}. */
    void assertWithinUlps(Consumer<Image> op, int ulps) {
      float[][] r = run(op);
      Parity.assertClose(r[0], r[1], width, what());
      for (int i = 0; i < r[0].length; i++) {
        float cpu = r[0][i];
        float cuda = r[1][i];
        boolean same = Float.floatToIntBits(cpu) == Float.floatToIntBits(cuda);
        if (!same && !(Math.abs(cuda - cpu) <= ulps * Math.ulp(cpu))) {
          int p = i / 4;
          fail(String.format("%s: pixel (%d, %d) channel %d, input %s: CPU %s and CUDA %s are more than %d ulp "
              + "apart", what(), p % width, p / width, i % 4, pixels[i], cpu, cuda, ulps));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void brightness(int w, int h) {
    Case c = new Case("Adjust.brightness", w, h);
    float factor = c.f("factor", -1, 1);
    c.assertIdentical(img -> Adjust.brightness(img, factor));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void contrast(int w, int h) {
    Case c = new Case("Adjust.contrast", w, h);
    float factor = c.f("factor", -2, 3);
    c.assertIdentical(img -> Adjust.contrast(img, factor));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void saturation(int w, int h) {
    Case c = new Case("Adjust.saturation", w, h);
    float factor = c.f("factor", -1, 3);
    c.assertIdentical(img -> Adjust.saturation(img, factor));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void gamma(int w, int h) {
    Case c = new Case("Adjust.gamma", w, h);
    float gamma = c.f("gamma", 0.2f, 5);
    c.assertWithinUlps(img -> Adjust.gamma(img, gamma), GAMMA_ULPS);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void opacity(int w, int h) {
    Case c = new Case("Adjust.opacity", w, h);
    float factor = c.f("factor", -0.5f, 2.5f);
    c.assertIdentical(img -> Adjust.opacity(img, factor));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void vibrance(int w, int h) {
    Case c = new Case("Adjust.vibrance", w, h);
    float amount = c.f("amount", -2, 2);
    c.assertIdentical(img -> Adjust.vibrance(img, amount));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void hue(int w, int h) {
    Case c = new Case("Adjust.hue", w, h);
    float degrees = c.f("degrees", -720, 720);
    c.assertIdentical(img -> Adjust.hue(img, degrees));
    float large = c.f("largeDegrees", -1e9f, 1e9f);
    c.assertIdentical(img -> Adjust.hue(img, large));
  }
}
