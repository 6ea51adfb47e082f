package io.jimagecuda.parity;

import io.jimagecuda.Image;
import io.jimagecuda.Resize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link io.jimagecuda.Resize} op (nearest, bilinear, bicubic, lanczos) on CUDA against the CPU
 * backend, on fresh random non-zero sources, up and down, with non-integral ratios and odd sizes from one
 * pixel to 4K. Bound: {@link Parity#TOLERANCE} is asserted; the kernels do the CPU twin's float
 * operations in the same order (explicit fma, IEEE division, CUDA's {@code sinf} emulated by
 * {@code Px.sinf}), so the expected measured bound, printed per case as "[parity] ... max |cuda − cpu|",
 * is 0. Set {@code -Djimagecuda.test.seed=N} to repeat a run.
 */
@GpuOnly
class ResizeParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());

  /** Source size, then target size: up, down, odd and non-integral ratios. */
  private static final String CASES = """
      1, 1, 3, 7
      3, 7, 1, 1
      3, 7, 11, 5
      1001, 777, 3840, 2160
      1001, 777, 333, 555
      3840, 2160, 1001, 777
      3840, 2160, 1919, 1081
      """;

  private interface Sized {
    Image run(Image src, int width, int height);
  }

  private static void compare(String op, Sized resize, int sw, int sh, int dw, int dh) {
    long seed = SEED ^ (op.hashCode() * 1_000_003L + sw * 31L + sh);
    float[] src = Producers.random(sw, sh, seed);
    String what = op + " to " + dw + "x" + dh + " (seed " + SEED + ")";
    Producers.compare(sw, sh, src, img -> resize.run(img, dw, dh), what);
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource(textBlock = CASES)
  void nearest(int sw, int sh, int dw, int dh) {
    compare("Resize.nearest", Resize::nearest, sw, sh, dw, dh);
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource(textBlock = CASES)
  void bilinear(int sw, int sh, int dw, int dh) {
    compare("Resize.bilinear", Resize::bilinear, sw, sh, dw, dh);
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource(textBlock = CASES)
  void bicubic(int sw, int sh, int dw, int dh) {
    compare("Resize.bicubic", Resize::bicubic, sw, sh, dw, dh);
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource(textBlock = CASES)
  void lanczos(int sw, int sh, int dw, int dh) {
    compare("Resize.lanczos", Resize::lanczos, sw, sh, dw, dh);
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource(textBlock = "1001, 777, 3840, 2160\n3840, 2160, 1919, 1081")
  void aspectFormsIntoLargerDestinations(int sw, int sh, int dw, int dh) {
    float[] src = Producers.random(sw, sh, SEED + sw);
    String seed = " (seed " + SEED + ")";
    Producers.compareInto(sw, sh, src, 4000, 3000, (dst, s) -> Resize.lanczosToWidthInto(dst, s, dw),
        "Resize.lanczosToWidthInto " + dw + seed);
    Producers.compareInto(sw, sh, src, 4000, 3000, (dst, s) -> Resize.bicubicToHeightInto(dst, s, dh),
        "Resize.bicubicToHeightInto " + dh + seed);
    Producers.compareInto(sw, sh, src, 4000, 3000, (dst, s) -> Resize.bilinearInto(dst, s, dw, dh),
        "Resize.bilinearInto" + seed);
    Producers.compareInto(sw, sh, src, 4000, 3000, (dst, s) -> Resize.nearestInto(dst, s, sw, sh),
        "Resize.nearestInto, same size (a copy)" + seed);
  }
}
