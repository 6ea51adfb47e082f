package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jimagecuda.parity.GpuOnly;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Binding threads to CUDA devices ({@link JImageCuda#useCudaDevice(int)}): every selection path. */
class CudaDeviceScopeTest {
  @Test
  void negativeDeviceIndexIsRejectedEverywhere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JImageCuda.useCudaDevice(-1));
    assertTrue(e.getMessage().contains("non-negative, got -1"), e.getMessage());
  }

  @Test
  void withoutCudaEveryDeviceIsUnavailableWithTheReason() {
    assumeFalse(JImageCuda.isCudaAvailable(), "CUDA is available here; the GPU tests cover this machine");
    assertEquals(0, JImageCuda.cudaDeviceCount());
    assertEquals(-1, JImageCuda.cudaDevice());
    BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
        () -> JImageCuda.useCudaDevice(0));
    assertTrue(e.getMessage().startsWith("CUDA device 0 cannot be used: "), e.getMessage());
  }

  @Test
  void cpuImagesIgnoreDeviceBindings() {
    try (Image img = new Image(4, 4, BackendKind.CPU)) {
      Fill.color(img, Rgba.rgb(1, 0, 0));
      assertEquals(1f, Images.download(img)[0]);
    }
  }

  /** On the GPU machine. */
  @GpuOnly
  @Nested
  class OnTheGpu {
    @Test
    void deviceZeroBindsAndRestores() {
      assertTrue(JImageCuda.cudaDeviceCount() >= 1);
      int before = JImageCuda.cudaDevice();
      try (CudaDeviceScope outer = JImageCuda.useCudaDevice(0)) {
        assertEquals(0, outer.device());
        assertEquals(0, JImageCuda.cudaDevice());
        try (CudaDeviceScope inner = JImageCuda.useCudaDevice(0);
            Image img = new Image(8, 8, BackendKind.CUDA)) {
          assertEquals(0, inner.device());
          Fill.color(img, Rgba.rgb(0.25f, 0.5f, 1));
          try (Image small = Resize.bilinear(img, 4, 4)) {
            float[] px = Images.download(small);
            assertEquals(0.25f, px[0], 1e-6f);
          }
        }
        assertEquals(0, JImageCuda.cudaDevice());
      }
      assertEquals(before, JImageCuda.cudaDevice());
    }

    @Test
    void aDeviceThatDoesNotExistIsAClearError() {
      int count = JImageCuda.cudaDeviceCount();
      BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
          () -> JImageCuda.useCudaDevice(count));
      assertTrue(e.getMessage().contains("CUDA device " + count + " does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("reports " + count + " device"), e.getMessage());
    }

    // Launches kernels from two threads at once: compute-sanitizer's racecheck loses track of such launches
    // ("Internal Sanitizer Error: Detected a failure to track a kernel launch") and can hang; dev/sanitize.sh
    // leaves the tag out of racecheck runs (docs/reliability.md).
    @Tag("host-threads")
    @Test
    void workersBoundToDeviceZeroGiveTheCpuResult() throws Exception {
      float[] expected;
      try (Image cpu = new Image(64, 48, BackendKind.CPU)) {
        Fill.gradient(cpu, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.HORIZONTAL);
        expected = Images.download(cpu);
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<float[]> bound = pool.submit(() -> {
          try (CudaDeviceScope scope = JImageCuda.useCudaDevice(0);
              Image img = new Image(64, 48, BackendKind.CUDA)) {
            assertEquals(0, scope.device());
            Fill.gradient(img, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.HORIZONTAL);
            return Images.download(img);
          }
        });
        float[] got = bound.get();
        assertEquals(expected.length, got.length);
        for (int i = 0; i < got.length; i++) {
          assertEquals(expected[i], got[i], 1e-4f * Math.max(1f, Math.abs(expected[i])), "channel " + i);
        }
        // The scope is per thread: another thread may not close it.
        CudaDeviceScope scope = pool.submit(() -> JImageCuda.useCudaDevice(0)).get();
        assertThrows(IllegalStateException.class, scope::close);
      } finally {
        pool.shutdown();
      }
    }

    @Test
    void unboundThreadsUseTheConfiguredDevice() {
      assertEquals(Config.cudaDevice(), JImageCuda.cudaDevice());
      try (Image a = new Image(2, 2, BackendKind.CUDA); CudaDeviceScope scope = JImageCuda.useCudaDevice(
          Config.cudaDevice()); Image b = new Image(2, 2, BackendKind.CUDA)) {
        Fill.color(a, Rgba.rgb(0, 1, 0));
        Images.copy(b, a); // the configured device's scope: the same backend
        assertArrayEquals(Images.download(a), Images.download(b));
      }
    }
  }
}
