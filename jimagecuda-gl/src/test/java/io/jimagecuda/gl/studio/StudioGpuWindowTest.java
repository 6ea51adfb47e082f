package io.jimagecuda.gl.studio;

import io.jimagecuda.testing.JavaProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.parity.GpuOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU machine, with the kit's Xvfb ({@code prepare --with-x11=awt}: {@code DISPLAY} set, NVIDIA's GLX): the
 * studio on the CUDA backend (recipe run on its render thread, frames presented on the event thread through
 * a CUDA present path) shows the edited pixels, reports rejected values, saves; prints the present path.
 */
@GpuOnly
class StudioGpuWindowTest {
  @TempDir
  Path tmp;

  @Test
  void theStudioOnCuda() throws Exception {
    Assumptions.assumeTrue(System.getenv("DISPLAY") != null,
        "SKIPPED: no DISPLAY (run under the kit's Xvfb: prepare --with-x11=awt)");
    Path out = Files.createDirectories(tmp.resolve("out"));
    JavaProcess.Result run = JavaProcess.run(new ProcessBuilder(JavaProcess.java(), "-cp",
        System.getProperty("java.class.path"), StudioProbe.class.getName(), out.toString(), "cuda")
        .redirectErrorStream(true), 180);
    String log = run.out();
    assertEquals(0, run.exit(), "the probe's JVM must exit cleanly: " + log);
    List<String> r = Files.readAllLines(out.resolve("results.txt"));
    System.out.println("StudioGpuWindowTest: " + r);
    assertEquals("first 255 0 0 255 screen FF0000", r.get(0));
    assertEquals("changed 0 0 255 255 screen 0000FF", r.get(1));
    assertTrue(r.get(2).contains("radius"), r.get(2));
    assertEquals("cleared []", r.get(4));
    assertTrue(r.get(6).startsWith("panel OPENGL "), r.get(6));
    assertFalse(r.get(6).startsWith("panel OPENGL CPU_UPLOAD"), "CUDA frames take a CUDA path: " + r.get(6));
  }
}
