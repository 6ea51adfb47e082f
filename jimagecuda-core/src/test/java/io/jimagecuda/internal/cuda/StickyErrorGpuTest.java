package io.jimagecuda.internal.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Adjust;
import io.jimagecuda.BackendKind;
import io.jimagecuda.CudaException;
import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel that faults (the library's fill kernel given an address that was never allocated) is reported as
 * a sticky error naming the kernel, and {@link JImageCuda#resetCuda()} brings CUDA back without restarting
 * the JVM. Runs in a child JVM: the reset would invalidate the CUDA images of other tests in this one.
 */
@GpuOnly
class StickyErrorGpuTest {
  @Test
  void aFaultingKernelIsNamedAndTheBackendCanBeRecreated(@TempDir Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of(JavaProcess.java()));
    command.addAll(JavaProcess.quietOptions(false));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
    JavaProcess.Result r = JavaProcess.run(dir, command, 90);
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("fault: "), r.toString());
    assertTrue(lines.get(0).contains("CUDA_ERROR_ILLEGAL_ADDRESS"), r.toString());
    assertTrue(lines.get(0).contains("newest last: ") && lines.get(0).contains("fill_color"), r.toString());
    assertTrue(lines.get(0).contains("JImageCuda.resetCuda()"), r.toString());
    assertTrue(lines.get(1).startsWith("old image: IllegalStateException: "), r.toString());
    assertEquals("recovered: 0.25 0.5 0.75 1.0", lines.get(2), r.toString());
  }

  /** Faults the context, resets it, and checks that new images work and old ones fail clearly. */
  static final class Child {
    public static void main(String[] args) {
      Image old = new Image(64, 64, BackendKind.CUDA);
      Fill.color(old, Rgba.WHITE);
      CudaBackend cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
      cuda.kernel("fill_color", 64, 64).ptr(0x10L).i32(64).i32(64).rgba(Rgba.BLACK).launch();
      try {
        JImageCuda.synchronize(BackendKind.CUDA);
        System.out.println("no fault");
      } catch (CudaException e) {
        System.out.println("fault: " + e.getMessage().replace('\n', ' '));
      }
      JImageCuda.resetCuda();
      try {
        Adjust.brightness(old, 0.5f);
        JImageCuda.synchronize(BackendKind.CUDA);
        System.out.println("old image: still usable?");
      } catch (IllegalStateException e) {
        System.out.println("old image: IllegalStateException: " + e.getMessage());
      }
      old.free();
      try (Image img = new Image(8, 8, BackendKind.CUDA)) {
        Fill.color(img, new Rgba(0.25f, 0.5f, 0.75f, 1));
        float[] px = Images.download(img);
        System.out.println("recovered: " + px[0] + " " + px[1] + " " + px[2] + " " + px[3]);
      }
    }
  }
}
