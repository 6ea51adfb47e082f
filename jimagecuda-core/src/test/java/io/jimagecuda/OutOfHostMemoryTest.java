package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CPU image larger than the heap is an {@link OutOfHostMemoryException} that states the bytes, not the
 * JVM's {@code OutOfMemoryError} (found by fuzzing the decoders: a 247-byte GIF declaring 17152x5120
 * pixels, under the pixel limit, ran a 1 GB heap out of memory), and the process goes on working.
 */
class OutOfHostMemoryTest {
  @Test
  void anImageLargerThanTheHeapIsAClearExceptionAndTheProcessGoesOn(@TempDir Path dir) throws Exception {
    JavaProcess.Result r = JavaProcess.runMain(dir, List.of("-Xmx64m"), Child.class, 120);
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.contains("OutOfHostMemoryException: Out of Java heap: a float image of 16,777,216 pixels "
        + "needs 268,435,456 bytes (256.0 MiB)"), r.toString());
    assertTrue(out.contains("requested 268435456"), r.toString());
    assertTrue(out.contains("then 64x64 works"), r.toString());
  }

  /** Asks for a 4096x4096 float image (256 MiB) in a 64 MiB heap, then makes a small one. */
  static final class Child {
    public static void main(String[] args) {
      try (Image big = new Image(4096, 4096, BackendKind.CPU)) {
        System.out.println("unexpected: allocated " + big);
      } catch (OutOfHostMemoryException e) {
        System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        System.out.println("requested " + e.requestedBytes());
      }
      try (Image small = new Image(64, 64, BackendKind.CPU)) {
        System.out.println("then " + small.width() + "x" + small.height() + " works");
      }
    }
  }
}
