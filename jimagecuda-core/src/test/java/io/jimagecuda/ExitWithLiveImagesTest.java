package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that ends with images still allocated (not freed, not collected), and with operations of the
 * backend's threads just finished, exits with status 0 and prints nothing on stderr: no hang in a
 * shutdown hook, no crash of a native release racing the exit.
 */
class ExitWithLiveImagesTest {
  private static JavaProcess.Result child(Path dir, String backend) throws Exception {
    return JavaProcess.runMain(dir, Child.class, 90, backend);
  }

  @Test
  void cpuImagesLeftAllocatedDoNotSpoilTheExit(@TempDir Path dir) throws Exception {
    JavaProcess.Result r = child(dir, "cpu");
    assertEquals(0, r.exit(), r.toString());
    assertEquals("done", r.out().strip(), r.toString());
    assertTrue(r.err().isBlank(), r.toString());
  }

  @GpuOnly
  @Test
  void cudaImagesLeftAllocatedDoNotSpoilTheExit(@TempDir Path dir) throws Exception {
    JavaProcess.Result r = child(dir, "cuda");
    assertEquals(0, r.exit(), r.toString());
    assertEquals("done", r.out().strip(), r.toString());
    assertTrue(r.err().isBlank(), r.toString());
  }

  /** Creates images, runs work on them (the last of it still queued on CUDA), and returns from main. */
  static final class Child {
    public static void main(String[] args) {
      BackendKind kind = BackendKind.parse(args[0]);
      List<Image> live = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Image img = new Image(512, 512, kind);
        Fill.perlin(img);
        Filter.gaussianBlurInto(img, live.isEmpty() ? new Image(512, 512, kind) : live.get(0), 8);
        live.add(img);
      }
      Thread worker = new Thread(() -> Adjust.brightness(live.get(1), 0.2f));
      worker.start(); // may still run while main returns: daemon-free, so the JVM waits for it
      System.out.println("done");
    }
  }
}
