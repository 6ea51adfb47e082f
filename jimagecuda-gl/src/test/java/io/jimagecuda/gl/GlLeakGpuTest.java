package io.jimagecuda.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.opengl.GL15;

/**
 * 10⁴ create/present/close cycles of every CUDA present path and of {@link GLResource} leave the device's
 * free memory (cuMemGetInfo) where it was; a JVM that exits with a context, presenters and resources still
 * open exits 0. Under compute-sanitizer (dev/sanitize.sh) fewer cycles: {@code -Djimagecuda.test.leakCycles=N}
 * (a hundredth of it here).
 */
@GpuOnly
class GlLeakGpuTest {
  private static final long SLACK = 64L << 20;

  @Test
  void tenThousandCyclesOfGlResourcesKeepDeviceMemoryFlat() {
    try (EglContext gl = EglContext.open(); ImageU8 frame = new ImageU8(64, 48, BackendKind.CUDA)) {
      CudaBackend cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
      PresentPath[] paths = {PresentPath.CUDA_MAPPED_PBO, PresentPath.CUDA_MAPPED_TEXTURE,
          PresentPath.CUDA_EXPORTED_BUFFER, PresentPath.VULKAN_SHARED_TEXTURE};
      for (int i = 0; i < 100; i++) {
        cycle(paths[i % paths.length], frame);
      }
      cuda.synchronize();
      long before = cuda.freeMemory();
      int cycles = Integer.getInteger("jimagecuda.test.leakCycles", 1_000_000) / 100;
      long start = System.nanoTime();
      for (int i = 0; i < cycles; i++) {
        cycle(paths[i % paths.length], frame);
      }
      cuda.synchronize();
      long after = cuda.freeMemory();
      System.out.printf("%,d GL resource cycles in %.1f s on %s; free device memory %,d -> %,d bytes (%+,d)%n",
          cycles, (System.nanoTime() - start) / 1e9, gl.describe(), before, after, after - before);
      assertTrue(before - after < SLACK, "device memory leaked: " + (before - after) + " bytes");
    }
  }

  private static void cycle(PresentPath path, ImageU8 frame) {
    try (Presenter p = Presenter.create(frame.width(), frame.height(), path)) {
      p.present(frame);
    }
    int pbo = GLResourceTest.pbo((long) frame.width() * frame.height() * 4);
    try (GLResource r = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO)) {
      r.copyFrom(frame);
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void aJvmExitingWithLiveContextPresentersAndImagesExitsZero(@TempDir Path dir) throws Exception {
    JavaProcess.Result r = JavaProcess.runMain(dir, LiveAtExit.class, 90);
    assertEquals(0, r.exit(), r.toString());
    assertEquals("presented", r.out().strip(), r.toString());
  }

  /** Leaves a context, a presenter per CUDA path, a GLResource and images open when main returns. */
  static final class LiveAtExit {
    public static void main(String[] args) {
      EglContext.open();
      ImageU8 frame = new ImageU8(32, 32, BackendKind.CUDA);
      for (PresentPath path : new PresentPath[] {PresentPath.CUDA_MAPPED_PBO, PresentPath.CUDA_MAPPED_TEXTURE,
          PresentPath.CUDA_EXPORTED_BUFFER, PresentPath.VULKAN_SHARED_TEXTURE}) {
        Presenter.create(32, 32, path).present(frame);
      }
      new GLResource(GLResourceTest.pbo(32 * 32 * 4), PresentPath.CUDA_MAPPED_PBO).copyFrom(frame);
      System.out.println("presented");
    }
  }
}
