package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.fail;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import java.util.function.Consumer;

/**
 * CUDA-versus-CPU comparison shared by the parity tests: both backends must agree on every float to
 * within {@code |cuda − cpu| ≤ 1e-4 · max(1, |cpu|)}; NaN matches only NaN.
 */
public final class Parity {
  /** Relative tolerance (absolute below 1). */
  public static final double TOLERANCE = 1e-4;

  private Parity() {
  }

  /**
   * Runs {@code op} on a new {@code width × height} image on each backend and compares the results.
   *
   * @param what names the case in a failure message: the operation, its parameters and the random seed
   */
  public static void compare(int width, int height, Consumer<Image> op, String what) {
    float[] cpu;
    float[] cuda;
    try (Image img = new Image(width, height, BackendKind.CPU)) {
      op.accept(img);
      cpu = Images.download(img);
    }
    try (Image img = new Image(width, height, BackendKind.CUDA)) {
      op.accept(img);
      cuda = Images.download(img);
    }
    assertClose(cpu, cuda, width, what + " at " + width + "x" + height);
  }

  /**
   * Fails unless every float of {@code cuda} is within tolerance of {@code cpu}, naming the worst pixel
   * and how many values are off.
   *
   * @param width the image width, to turn indices into pixel coordinates
   */
  public static void assertClose(float[] cpu, float[] cuda, int width, String what) {
    if (cpu.length != cuda.length) {
      fail(what + ": CPU gave " + cpu.length + " floats, CUDA " + cuda.length);
    }
    int worst = -1;
    double worstExcess = 0;
    long bad = 0;
    for (int i = 0; i < cpu.length; i++) {
      double excess = excess(cpu[i], cuda[i]);
      if (excess > 0) {
        bad++;
        if (excess > worstExcess) {
          worstExcess = excess;
          worst = i;
        }
      }
    }
    if (bad > 0) {
      int pixel = worst / 4;
      fail(String.format("%s: %d of %d values differ beyond %.0e; worst at pixel (%d, %d) channel %d: "
          + "CPU %s, CUDA %s", what, bad, cpu.length, TOLERANCE, pixel % width, pixel / width, worst % 4,
          cpu[worst], cuda[worst]));
    }
  }

  /** How far {@code b} is beyond tolerance of {@code a}: ≤ 0 if within, infinite for NaN or infinity mismatches. */
  private static double excess(float a, float b) {
    if (a == b || Float.isNaN(a) && Float.isNaN(b)) {
      return 0;
    }
    if (!Float.isFinite(a) || !Float.isFinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs((double) b - a) - TOLERANCE * Math.max(1, Math.abs((double) a));
  }
}
