package io.jimagecuda.gl.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.gl.XvfbServer;
import io.jimagecuda.gl.internal.TextureQuad;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
    try (XvfbServer x = XvfbServer.start(tmp, 320, 240)) {
      int[][] expected = rgb(renderHeadless());
      Process app = x.java(Preview.class.getName(), "--size", W + "x" + H, "--time", String.valueOf(T), "--path",
          "cpu", "--frames", "5", "--hold", "20000", "--position", "0,0").start();
      try {
        List<String> output = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
          output.add(line);
          if (line.contains("presented 5 frames")) {
            break;
          }
        }
        assertTrue(output.stream().anyMatch(l -> l.contains("presented 5 frames")), "preview output: " + output);
        Thread.sleep(300); // the held frame is swapped again every 10 ms
        int[][] screen = x.screen();
        int differing = 0;
        for (int y = 0; y < H; y++) {
          for (int xx = 0; xx < W; xx++) {
            if (screen[y][xx] != expected[y][xx]) {
              differing++;
            }
          }
        }
        assertEquals(0, differing, "screen pixels that differ from the headless render, of " + W * H);
        assertKnownPixels(screen);
      } finally {
        app.destroy();
        app.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
