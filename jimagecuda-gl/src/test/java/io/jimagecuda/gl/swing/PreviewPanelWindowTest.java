package io.jimagecuda.gl.swing;

import io.jimagecuda.testing.JavaProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.gl.XvfbServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PreviewPanel} in real windows under Xvfb (skipped, with the reason, without Xvfb): what is on the
 * screen equals the headless OpenGL render of the same frame and view, for two panels side by side, after a
 * resize, with OpenGL (where the display has GLX), with Java2D, and without GLX (the fallback); the pixel
 * readout; 100 windows opened and closed without more threads, OpenGL contexts or resident memory (under
 * 150 MB more); a clean JVM exit.
 */
class PreviewPanelWindowTest {
  @TempDir
  Path tmp;

  @Test
  void panelsOnADisplayWithGlx() throws Exception {
    List<String> r = probe("auto");
    System.out.println("PreviewPanelWindowTest (auto): " + r.get(0));
    if (!r.get(0).contains(" OPENGL ")) {
      System.out.println("PreviewPanelWindowTest: OpenGL could not draw in a window here, the panel fell back "
          + "to Java2D (see the reason above); its pixels were checked all the same");
    } else {
      assertTrue(r.get(0).contains(" CPU_UPLOAD "), "CPU frames take the CPU path: " + r.get(0));
      assertEquals("contexts after closing 0", r.get(3));
    }
  }

  @Test
  void panelsDrawnWithJava2d() throws Exception {
    List<String> r = probe("java2d");
    assertTrue(r.get(0).startsWith("panel0 JAVA2D none | Java2D was asked for"), r.get(0));
  }

  @Test
  void withoutGlxThePanelFallsBackToJava2dAndSaysWhy() throws Exception {
    List<String> r = probe("auto", "-extension", "GLX");
    assertTrue(r.get(0).startsWith("panel0 JAVA2D none | Java2D: OpenGL could not draw"), r.get(0));
  }

  /** Runs {@link PanelProbe} under a fresh Xvfb and checks what every probe must show; returns its results. */
  private List<String> probe(String renderer, String... xvfbArgs) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    try (XvfbServer x = XvfbServer.start(tmp, 1024, 768, xvfbArgs)) {
      JavaProcess.Result run = JavaProcess.run(x.java(PanelProbe.class.getName(), out.toString(), renderer), 180);
      String log = run.out();
      assertEquals(0, run.exit(), "the probe's JVM must exit cleanly: " + log);
      assertTrue(log.contains("probe done"), log);
      assertTrue(!log.contains("SIGSEGV") && !log.contains("hs_err"), log);
    }
    List<String> r = Files.readAllLines(out.resolve("results.txt"));
    byte[] a = FrameRasterTest.frame(11);
    byte[] b = FrameRasterTest.frame(12);
    assertScreenIsTheHeadlessRender(out.resolve("panel0.rgb"), a);
    assertScreenIsTheHeadlessRender(out.resolve("panel1.rgb"), b);
    assertScreenIsTheHeadlessRender(out.resolve("resized0.rgb"), a);
    int i = (4 * FrameRasterTest.W + 3) * 4;
    assertEquals("pixel " + (a[i] & 0xFF) + " " + (a[i + 1] & 0xFF) + " " + (a[i + 2] & 0xFF) + " "
        + (a[i + 3] & 0xFF), r.get(2), "the pixel readout is the frame's value");
    String[] threads = r.get(4).split(" ");
    int before = Integer.parseInt(threads[1]);
    int after = Integer.parseInt(threads[2]);
    // A thread per window would add 100; AWT's own helpers come and go (at most 2 at a time).
    assertTrue(after <= before + 2, "threads grew over 100 windows: " + r.get(4));
    assertEquals("contexts after cycles 0", r.get(5), "every panel's OpenGL context is deleted");
    System.out.println("PreviewPanelWindowTest: 100 windows: " + r.get(6) + ", " + r.get(8));
    // A leaked GLX context costs Mesa's llvmpipe about 4 MB: 100 windows grew the process by 432 MB while
    // lwjgl3-awt's deleteContext did nothing on Linux; with the contexts destroyed, by 20 to 30 MB.
    String[] rss = r.get(8).split(" ");
    long grownKb = Long.parseLong(rss[3]) - Long.parseLong(rss[2]);
    assertTrue(grownKb < 150_000, "the process grew by " + grownKb + " kB over 100 windows: " + r.get(8));
    return r;
  }

  private static void assertScreenIsTheHeadlessRender(Path file, byte[] frame) throws IOException {
    try (DataInputStream d = new DataInputStream(Files.newInputStream(file))) {
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
      FrameRasterTest.assertSame(FrameRasterTest.headless(frame, v), screen, v);
    }
  }
}
