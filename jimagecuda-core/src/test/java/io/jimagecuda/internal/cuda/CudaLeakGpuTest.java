package io.jimagecuda.internal.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.parity.GpuOnly;
import org.junit.jupiter.api.Test;

/**
 * 10⁶ create/free cycles of CUDA images leave the device's free memory (cuMemGetInfo) where it was. Under
 * compute-sanitizer (dev/sanitize.sh) fewer cycles: {@code -Djimagecuda.test.leakCycles=N}.
 */
@GpuOnly
class CudaLeakGpuTest {
  private static final long SLACK = 64L << 20;

  @Test
  void aMillionCreateFreeCyclesKeepDeviceMemoryFlat() {
    CudaBackend cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    for (int i = 0; i < 10_000; i++) { // warm the pool with every size used below
      cycle(i);
    }
    cuda.synchronize();
    long before = cuda.freeMemory();
    long start = System.nanoTime();
    int cycles = Integer.getInteger("jimagecuda.test.leakCycles", 1_000_000);
    for (int i = 0; i < cycles; i++) {
      cycle(i);
    }
    cuda.synchronize();
    long after = cuda.freeMemory();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%,d create/free cycles in %.1f s; free device memory %,d -> %,d bytes (%+,d)%n", cycles,
        seconds, before, after, after - before);
    assertTrue(before - after < SLACK, "device memory leaked: " + (before - after) + " bytes over " + cycles
        + " cycles");
  }

  private static void cycle(int i) {
    switch (i % 3) {
      case 0 -> new Image(64, 64, BackendKind.CUDA).free();
      case 1 -> new ImageU8(333, 17, BackendKind.CUDA).close();
      default -> {
        try (Image img = new Image(1024, 3, BackendKind.CUDA)) {
          img.setLogicalSize(3, 1024);
        }
      }
    }
  }
}
