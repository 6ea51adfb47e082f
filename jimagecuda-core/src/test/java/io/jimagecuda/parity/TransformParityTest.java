package io.jimagecuda.parity;

import io.jimagecuda.FlipDirection;
import io.jimagecuda.Interpolation;
import io.jimagecuda.Transform;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link io.jimagecuda.Transform} op (flip, rotate, crop, zoom) on CUDA against the CPU backend, on
 * fresh random non-zero sources at odd sizes from one pixel to 4K: every flip direction; rotations by
 * 0.5°, 35°, 89.9°, a random angle (each with every interpolation, expanded or not) and the quarter turns
 * 90°, 180°, 270°; crops inside, partly outside and of the whole image; zooms in and out about random
 * centres with every interpolation, into a new image and into a destination of another shape. Bound:
 * {@link Parity#TOLERANCE} is asserted; the kernels do the CPU twin's float operations in the same order,
 * so the expected measured bound, printed per case as "[parity] ... max |cuda − cpu|", is 0. Set
 * {@code -Djimagecuda.test.seed=N} to repeat a run.
 */
@GpuOnly
class TransformParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());
  private static final String SIZES = "1, 1\n3, 7\n1001, 777\n3840, 2160";

  private static Random random(String op, int w, int h) {
    return new Random(SEED ^ (op.hashCode() * 1_000_003L + w * 31L + h));
  }

  private static String seed() {
    return " (seed " + SEED + ")";
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void flip(int w, int h) {
    float[] src = Producers.random(w, h, random("flip", w, h).nextLong());
    for (FlipDirection d : FlipDirection.values()) {
      Producers.compare(w, h, src, img -> Transform.flip(img, d), "Transform.flip " + d.id() + seed());
    }
    Producers.compareInto(w, h, src, w + 3, h + 1, (dst, img) -> Transform.flipInto(dst, img, FlipDirection.BOTH),
        "Transform.flipInto both" + seed());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void rotate(int w, int h) {
    Random r = random("rotate", w, h);
    float[] src = Producers.random(w, h, r.nextLong());
    float randomAngle = -720 + 1440 * r.nextFloat();
    for (float angle : new float[] {0.5f, 35f, 89.9f, randomAngle}) {
      for (Interpolation i : Interpolation.values()) {
        for (boolean expand : new boolean[] {true, false}) {
          Transform.Rotate options = new Transform.Rotate(expand, i);
          Producers.compare(w, h, src, img -> Transform.rotate(img, angle, options),
              "Transform.rotate " + angle + "° " + options + seed());
        }
      }
    }
    for (float angle : new float[] {90, 180, 270, -90.005f}) {
      for (boolean expand : new boolean[] {true, false}) {
        Transform.Rotate options = Transform.Rotate.DEFAULTS.withExpand(expand);
        Producers.compare(w, h, src, img -> Transform.rotate(img, angle, options),
            "Transform.rotate " + angle + "° " + options + seed());
      }
    }
    Producers.compareInto(w, h, src, 2 * (w + h), 2 * (w + h), (dst, img) -> Transform.rotateInto(dst, img, 35),
        "Transform.rotateInto 35°" + seed());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void crop(int w, int h) {
    Random r = random("crop", w, h);
    float[] src = Producers.random(w, h, r.nextLong());
    int cw = 1 + r.nextInt(w + 2);
    int ch = 1 + r.nextInt(h + 2);
    int x = -cw / 2 + r.nextInt(w + 1);
    int y = -ch / 2 + r.nextInt(h + 1);
    Producers.compare(w, h, src, img -> Transform.crop(img, x, y, cw, ch),
        "Transform.crop " + x + ", " + y + ", " + cw + "x" + ch + seed());
    Producers.compare(w, h, src, img -> Transform.crop(img, 0, 0, w, h), "Transform.crop whole" + seed());
    Producers.compare(w, h, src, img -> Transform.crop(img, w / 3, h / 3, (w + 2) / 3, (h + 2) / 3),
        "Transform.crop inside" + seed());
    Producers.compareInto(w, h, src, cw + 5, ch + 2, (dst, img) -> Transform.cropInto(dst, img, -x, y, cw, ch),
        "Transform.cropInto " + -x + ", " + y + seed());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void zoom(int w, int h) {
    Random r = random("zoom", w, h);
    float[] src = Producers.random(w, h, r.nextLong());
    float[] factors = {0.3f + 0.6f * r.nextFloat(), 1f, 1.1f + 5 * r.nextFloat()};
    for (float z : factors) {
      for (Interpolation i : Interpolation.values()) {
        Transform.Zoom options = r.nextBoolean() ? Transform.Zoom.DEFAULTS.withInterpolation(i)
            : new Transform.Zoom(-2 + (w + 4) * r.nextFloat(), -2 + (h + 4) * r.nextFloat(), i);
        Producers.compare(w, h, src, img -> Transform.zoom(img, z, options),
            "Transform.zoom " + z + " " + options + seed());
      }
    }
    int dw = 1 + r.nextInt(w + 6);
    int dh = 1 + r.nextInt(h + 6);
    Producers.compareInto(w, h, src, dw, dh, (dst, img) -> Transform.zoomInto(dst, img, factors[2],
        Transform.Zoom.DEFAULTS.withInterpolation(Interpolation.LANCZOS)), "Transform.zoomInto " + factors[2] + seed());
  }
}
