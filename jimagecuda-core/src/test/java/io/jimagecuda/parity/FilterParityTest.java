package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Filter;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link Filter} op on CUDA against the CPU backend, on fresh random inputs (every channel
 * non-zero, some above 1) at sizes from one pixel to 4K; the blur at radii 0, 1, 5, 20 and 100 and in
 * place with a reused scratch image. Inputs and parameters come from a master seed, printed on failure;
 * set {@code -Djimagecuda.test.seed=N} to repeat a run. The blur and the neighbourhood filters compute
 * the same float operations on both backends, so they agree bit for bit; the tolerance is
 * {@link Parity#TOLERANCE}.
 */
@GpuOnly
class FilterParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());
  private static final String SIZES = "1, 1\n3, 7\n1001, 777\n3840, 2160";

  /** Random inputs and parameters for one case, and the text that describes them. */
  private static final class Case {
    final Random random;
    final StringBuilder text = new StringBuilder();
    final int width;
    final int height;
    final float[] input;

    Case(String op, int width, int height) {
      this.width = width;
      this.height = height;
      random = new Random(SEED ^ (op.hashCode() * 1_000_003L + width * 31L + height));
      text.append(op).append(" (seed ").append(SEED).append(')');
      input = new float[width * height * 4];
      for (int i = 0; i < input.length; i++) {
        input[i] = 0.01f + 1.14f * random.nextFloat(); // 0.01 .. 1.15: never zero, some above 1
      }
    }

    float f(String name, float min, float max) {
      float v = min + random.nextFloat() * (max - min);
      text.append(' ').append(name).append('=').append(v);
      return v;
    }

    /** Runs {@code op} (which returns its result) on an image holding the input, on each backend. */
    void compare(Function<Image, Image> op) {
      float[] cpu = run(BackendKind.CPU, op);
      float[] cuda = run(BackendKind.CUDA, op);
      Parity.assertClose(cpu, cuda, width, text + " at " + width + "x" + height);
    }

    void compareInPlace(Consumer<Image> op) {
      compare(img -> {
        op.accept(img);
        return img;
      });
    }

    private float[] run(BackendKind kind, Function<Image, Image> op) {
      try (Image src = new Image(width, height, kind)) {
        Images.upload(src, input);
        Image result = op.apply(src);
        try {
          return Images.download(result);
        } finally {
          if (result != src) {
            result.free();
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void gaussianBlur(int w, int h) {
    for (int radius : new int[] {0, 1, 5, 20, 100}) {
      Case c = new Case("Filter.gaussianBlur radius=" + radius, w, h);
      c.compare(src -> Filter.gaussianBlur(src, radius));
    }
    Case c = new Case("Filter.gaussianBlur explicit sigma", w, h);
    int radius = 1 + c.random.nextInt(30);
    float sigma = c.f("sigma", 0.2f, 15f);
    c.text.append(" radius=").append(radius);
    c.compare(src -> Filter.gaussianBlur(src, Filter.GaussianBlur.DEFAULTS.withRadius(radius).withSigma(sigma)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void gaussianBlurInPlaceWithAReusedTemp(int w, int h) {
    Case c = new Case("Filter.gaussianBlurInto dst == src, temp reused", w, h);
    c.compareInPlace(img -> {
      try (Image temp = new Image(w + 3, h, img.backend())) {
        Filter.GaussianBlur options = Filter.GaussianBlur.DEFAULTS.withRadius(7).withTemp(temp);
        Filter.gaussianBlurInto(img, img, options);
        Filter.gaussianBlurInto(img, img, options.withRadius(2));
      }
    });
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void gaussianBlurIntoALargerDst(int w, int h) {
    Case c = new Case("Filter.gaussianBlurInto larger dst", w, h);
    c.compare(src -> {
      Image dst = new Image(w + 5, h + 1, src.backend());
      Filter.gaussianBlurInto(dst, src, 3);
      return dst;
    });
  }

  @Test
  void imagesOfDifferentBackendsAreRefused() {
    try (Image cpu = new Image(4, 4, BackendKind.CPU); Image cuda = new Image(4, 4, BackendKind.CUDA)) {
      for (Runnable call : new Runnable[] {
          () -> Filter.gaussianBlurInto(cuda, cpu),
          () -> Filter.gaussianBlur(cpu, Filter.GaussianBlur.DEFAULTS.withTemp(cuda)),
          () -> Filter.sharpenInto(cpu, cuda),
          () -> Filter.sobelInto(cuda, cpu),
          () -> Filter.embossInto(cpu, cuda)}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains("different backends"), e.getMessage());
      }
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void sharpen(int w, int h) {
    Case c = new Case("Filter.sharpen", w, h);
    float strength = c.f("strength", 0.05f, 3f);
    c.compare(src -> Filter.sharpen(src, strength));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void sobel(int w, int h) {
    new Case("Filter.sobel", w, h).compare(Filter::sobel);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void emboss(int w, int h) {
    Case c = new Case("Filter.emboss", w, h);
    float strength = c.f("strength", -2f, 2f);
    c.compare(src -> Filter.emboss(src, strength));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void sepia(int w, int h) {
    Case c = new Case("Filter.sepia", w, h);
    float intensity = c.f("intensity", -0.5f, 1.5f);
    c.compareInPlace(img -> Filter.sepia(img, intensity));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void invert(int w, int h) {
    new Case("Filter.invert", w, h).compareInPlace(Filter::invert);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void threshold(int w, int h) {
    Case c = new Case("Filter.threshold", w, h);
    float value = c.f("value", 0.1f, 0.9f);
    c.compareInPlace(img -> Filter.threshold(img, value));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void solarize(int w, int h) {
    Case c = new Case("Filter.solarize", w, h);
    float threshold = c.f("threshold", 0.1f, 0.9f);
    c.compareInPlace(img -> Filter.solarize(img, threshold));
  }
}
