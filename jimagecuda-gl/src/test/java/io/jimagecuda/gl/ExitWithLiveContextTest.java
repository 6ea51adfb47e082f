package io.jimagecuda.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that returns from main with an OpenGL context, a presenter, a {@link GLResource} and images still
 * open exits with status 0 (CPU path: runs wherever EGL does, Mesa in CI). The CUDA paths are covered by
 * {@link GlLeakGpuTest}.
 */
class ExitWithLiveContextTest {
  @Test
  void exitsZeroWithEverythingStillOpen(@TempDir Path dir) throws Exception {
    JavaProcess.Result r = JavaProcess.runMain(dir, List.of("-Djimagecuda.backend=cpu"), LiveAtExit.class, 120);
    assertEquals(0, r.exit(), r.toString());
    assertEquals("presented", r.out().strip(), r.toString());
  }

  /** Leaves everything open when main returns. */
  static final class LiveAtExit {
    public static void main(String[] args) {
      EglContext.open();
      Image frame = new Image(32, 32, BackendKind.CPU);
      ImageU8 bytes = new ImageU8(32, 32, BackendKind.CPU);
      Presenter.create(32, 32, PresentPath.CPU_UPLOAD).present(frame);
      new GLResource(GLResourceTest.pbo(32 * 32 * 4), PresentPath.CPU_UPLOAD).copyFrom(bytes);
      System.out.println("presented");
    }
  }
}
