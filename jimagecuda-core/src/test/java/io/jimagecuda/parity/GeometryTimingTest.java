package io.jimagecuda.parity;

import io.jimagecuda.BackendKind;
import io.jimagecuda.FlipDirection;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Resize;
import io.jimagecuda.Transform;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Times the geometry kernels on CUDA against the goals (a 1920 × 1080 source, results written into
 * buffers allocated beforehand) and prints a table: "[timing] op: median ms (goal ms)". Informative only:
 * nothing is asserted, since times depend on the GPU and on what else runs on it.
 */
@GpuOnly
class GeometryTimingTest {
  private static final int BATCH = 50;
  private static final int SAMPLES = 9;

  private static double medianMs(Runnable op) {
    for (int i = 0; i < BATCH; i++) {
      op.run();
    }
    double[] ms = new double[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
      JImageCuda.synchronize(BackendKind.CUDA);
      long t0 = System.nanoTime();
      for (int i = 0; i < BATCH; i++) {
        op.run();
      }
      JImageCuda.synchronize(BackendKind.CUDA);
      ms[s] = (System.nanoTime() - t0) / 1e6 / BATCH;
    }
    Arrays.sort(ms);
    return ms[SAMPLES / 2];
  }

  private static void report(String op, double goalMs, Runnable run) {
    double ms = medianMs(run);
    System.out.printf(Locale.ROOT, "[timing] %-40s %.4f ms (goal %.3f ms)%s%n", op, ms, goalMs,
        ms <= goalMs ? "" : "  ABOVE GOAL");
  }

  @Test
  void goalsAt1920x1080() {
    try (Image src = new Image(1920, 1080, BackendKind.CUDA); Image dst = new Image(2400, 2200, BackendKind.CUDA)) {
      Images.upload(src, Producers.random(1920, 1080, 1));
      report("Resize.bilinear to 800x600", 0.009, () -> Resize.bilinearInto(dst, src, 800, 600));
      report("Resize.lanczos to 800x600", 0.03, () -> Resize.lanczosInto(dst, src, 800, 600));
      report("Resize.nearest to 800x600", 0.009, () -> Resize.nearestInto(dst, src, 800, 600));
      report("Resize.bicubic to 800x600", 0.03, () -> Resize.bicubicInto(dst, src, 800, 600));
      report("Transform.rotate 35° expand (bilinear)", 0.03, () -> Transform.rotateInto(dst, src, 35));
      report("Transform.flip horizontal", 0.018, () -> Transform.flipInto(dst, src, FlipDirection.HORIZONTAL));
      report("Transform.crop 512x512", 0.006, () -> Transform.cropInto(dst, src, 700, 300, 512, 512));
      report("Images.copy 1920x1080 (bandwidth reference)", 0.018, () -> Images.copy(dst, src));
    }
  }
}
