package io.jimagecuda.gl.swing;

import io.jimagecuda.testing.JavaProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.parity.GpuOnly;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU machine, with the kit's Xvfb ({@code prepare --with-x11}: {@code DISPLAY} set, NVIDIA's GLX): CUDA
 * frames in {@link PreviewPanel}s take a CUDA present path (zero copy, {@code VULKAN_SHARED_TEXTURE}, where
 * Vulkan, CUDA and OpenGL share the GPU), and what is on the screen equals the headless render. Prints the
 * path, its reason and the time {@code show} took, for the notes; 100 windows opened and closed leave the
 * device's free memory where it was (each panel's GLX context is destroyed).
 */
@GpuOnly
class PreviewPanelGpuWindowTest {
  @TempDir
  Path tmp;

  @Test
  void cudaFramesTakeACudaPresentPathInTheSwingPanel() throws Exception {
    String display = System.getenv("DISPLAY");
    Assumptions.assumeTrue(display != null, "SKIPPED: no DISPLAY (run under the kit's Xvfb: prepare --with-x11)");
    Path out = Files.createDirectories(tmp.resolve("out"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PanelProbe.class.getName(), out.toString(), "auto", "cuda"));
    JavaProcess.Result run = JavaProcess.run(new ProcessBuilder(cmd).redirectErrorStream(true), 240);
    String log = run.out();
    assertEquals(0, run.exit(), "the probe's JVM must exit cleanly: " + log);
    List<String> r = Files.readAllLines(out.resolve("results.txt"));
    System.out.println("PreviewPanelGpuWindowTest: " + r.get(0));
    System.out.println("PreviewPanelGpuWindowTest: " + r.get(1));
    assertTrue(r.get(0).startsWith("panel0 OPENGL "), "NVIDIA's GLX draws the panel: " + r.get(0));
    assertNotEquals("CPU_UPLOAD", r.get(0).split(" ")[2], "CUDA frames take a CUDA path: " + r.get(0));
    for (String shot : new String[] {"panel0.rgb", "resized0.rgb"}) {
      try (DataInputStream d = new DataInputStream(Files.newInputStream(out.resolve(shot)))) {
        int w = d.readInt();
        int h = d.readInt();
        ViewTransform v = new ViewTransform();
        v.setViewSize(w, h);
        v.setImageSize(FrameRasterTest.W, FrameRasterTest.H);
        v.set(d.readDouble(), d.readDouble(), d.readDouble());
        int[] screen = new int[w * h];
        for (int k = 0; k < screen.length; k++) {
          screen[k] = d.readInt();
        }
        int[] expected = new int[w * h];
        FrameRaster.compose(expected, FrameRasterTest.frame(11), v, PreviewPanel.BACKGROUND);
        FrameRasterTest.assertWithin(expected, screen, v, 1); // 8-bit results within 1 (NVIDIA's blending)
      }
    }
    assertEquals("contexts after cycles 0", r.get(5));
    System.out.println("PreviewPanelGpuWindowTest: 100 windows: " + r.get(6) + ", " + r.get(7));
    String[] free = r.get(7).split(" ");
    long leaked = Long.parseLong(free[2]) - Long.parseLong(free[3]);
    // Each NVIDIA GLX context holds device memory: before the panel destroyed its contexts itself, 100 windows
    // kept 100 of them alive.
    assertTrue(leaked < 64L << 20, "device memory fell by " + leaked + " bytes over 100 windows: " + r.get(7));
  }
}
