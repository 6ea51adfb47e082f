package io.jimagecuda.gl.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jimagecuda.gl.internal.TextureQuad;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview application end to end on the CPU path: headless through EGL, and in a real GLFW window
 * under Xvfb whose screen is read back from Xvfb's framebuffer file. Both must show the same pixels,
 * and known pixels (the opaque disc, the transparent band over the checkerboard) must have known colours.
 */
class PreviewTest {
  static final int W = 203;
  static final int H = 117;
  static final double T = 1.0;

  @TempDir
  Path tmp;

  /** The headless run's PNG of the still scene at time {@link #T}. */
  private BufferedImage renderHeadless() throws IOException {
    PreviewOptions o = PreviewOptions.parse("--headless", "--frames", "3", "--size", W + "x" + H, "--time",
        String.valueOf(T), "--path", "cpu", "--out", tmp.toString());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    new Preview(o, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("3 frames of 203x117") && text.contains("frames per second"), text);
    Path png = tmp.resolve("frame-00002.png");
    assertTrue(Files.exists(png), text);
    return ImageIO.read(png.toFile());
  }

  /** RGB of a checkerboard pixel at image position (x, y), counting cells from the bottom-left like OpenGL. */
  static int checker(int x, int y, int height) {
    int gy = height - 1 - y;
    int v = ((x / TextureQuad.CELL + gy / TextureQuad.CELL) & 1) == 0 ? TextureQuad.LIGHT : TextureQuad.DARK;
    return v << 16 | v << 8 | v;
  }

  /** Checks the disc and the transparent band of a picture of the scene at {@link #T}. */
  static void assertKnownPixels(int[][] rgb) {
    float[] disc = PreviewScene.disc(W, H, T);
    int cx = (int) disc[0];
    int cy = (int) disc[1];
    // The disc (1, 0.9, 0.2) is opaque: the blend gives exactly its 8-bit colour.
    assertEquals(0xFFE633, rgb[cy][cx], String.format("disc centre (%d,%d)", cx, cy));
    assertEquals(0xFFE633, rgb[cy + 3][cx - 2], "inside the disc");
    // The band at the top is fully transparent: exactly the checkerboard.
    int band = (int) (PreviewScene.TRANSPARENT_BAND * H);
    int checked = 0;
    for (int y = 0; y < band; y++) {
      for (int x = 0; x < W; x++) {
        float dx = x + 0.5f - disc[0];
        float dy = y + 0.5f - disc[1];
        if (Math.sqrt(dx * dx + dy * dy) > disc[2] + 2) {
          assertEquals(checker(x, y, H), rgb[y][x], "transparent band at (" + x + "," + y + ")");
          checked++;
        }
      }
    }
    assertTrue(checked > W, "the band was checked at " + checked + " pixels");
    // The gradient is translucent: neither the checkerboard nor opaque.
    int corner = rgb[H - 1][W - 1];
    assertTrue(corner != checker(W - 1, H - 1, H) && corner != 0, Integer.toHexString(corner));
  }

  static int[][] rgb(BufferedImage img) {
    int[][] out = new int[img.getHeight()][img.getWidth()];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        out[y][x] = img.getRGB(x, y) & 0xFFFFFF;
      }
    }
    return out;
  }

  @Test
  void headlessRenderShowsTheSceneOverTheCheckerboard() throws IOException {
    BufferedImage png = renderHeadless();
    assertEquals(W, png.getWidth());
    assertEquals(H, png.getHeight());
    assertKnownPixels(rgb(png));
  }

  @Test
  void windowUnderXvfbShowsTheSamePixels() throws Exception {
    String xvfb = findOnPath("Xvfb");
    Assumptions.assumeTrue(xvfb != null, "SKIPPED: Xvfb is not installed (Debian package xvfb; .ci/run "
        + "installs it), so the real-window test cannot run here");
    int[][] expected = rgb(renderHeadless());

    int display = freeDisplay();
    Path fbdir = Files.createDirectories(tmp.resolve("xvfb"));
    Process server = new ProcessBuilder(xvfb, ":" + display, "-screen", "0", "320x240x24", "-fbdir",
        fbdir.toString(), "-nolisten", "tcp").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("xvfb.log").toFile()).start();
    Process app = null;
    try {
      waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || !server.isAlive(), 20, "Xvfb to start");
      assertTrue(server.isAlive(), "Xvfb exited: " + Files.readString(tmp.resolve("xvfb.log")));
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Preview.class.getName(), "--size", W + "x" + H,
          "--time", String.valueOf(T), "--path", "cpu", "--frames", "5", "--hold", "20000", "--position", "0,0")
          .redirectErrorStream(true);
      pb.environment().put("DISPLAY", ":" + display);
      app = pb.start();
      List<String> output = new ArrayList<>();
      BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (String line; (line = out.readLine()) != null; ) {
        output.add(line);
        if (line.contains("presented 5 frames")) {
          break;
        }
        if (System.nanoTime() > deadline) {
          fail("the preview did not present 5 frames in 60 s: " + output);
        }
      }
      assertTrue(output.stream().anyMatch(l -> l.contains("presented 5 frames")), "preview output: " + output);
      Thread.sleep(300); // let the held frame reach the screen
      int[][] screen = readXwd(fbdir.resolve("Xvfb_screen0"));
      int differing = 0;
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          if (screen[y][x] != expected[y][x]) {
            differing++;
          }
        }
      }
      assertEquals(0, differing, "screen pixels that differ from the headless render, of " + W * H);
      assertKnownPixels(screen);
    } finally {
      if (app != null) {
        app.destroy();
        app.waitFor(10, TimeUnit.SECONDS);
      }
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Reads an XWD file (Xvfb's {@code -fbdir} screen, 24/32 bits per pixel) as RGB rows. */
  static int[][] readXwd(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
    int headerSize = b.getInt(0);
    int width = b.getInt(16);
    int height = b.getInt(20);
    int byteOrder = b.getInt(28);
    int bitsPerPixel = b.getInt(44);
    int bytesPerLine = b.getInt(48);
    int colors = b.getInt(76);
    assertEquals(32, bitsPerPixel, "Xvfb screen depth: start it with 24 bits (x24)");
    b.order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int data = headerSize + colors * 12;
    int[][] out = new int[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out[y][x] = b.getInt(data + y * bytesPerLine + x * 4) & 0xFFFFFF;
      }
    }
    return out;
  }

  static String findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  static int freeDisplay() {
    for (int d = 90; d < 200; d++) {
      if (!Files.exists(Path.of("/tmp/.X11-unix/X" + d)) && !Files.exists(Path.of("/tmp/.X" + d + "-lock"))) {
        return d;
      }
    }
    throw new IllegalStateException("no free X display number in :90..:199");
  }

  interface Condition {
    boolean met() throws Exception;
  }

  static void waitFor(Condition c, int seconds, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!c.met()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
