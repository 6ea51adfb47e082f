package io.jimagecuda.gl.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.gl.XvfbServer;
import io.jimagecuda.gl.QuadRenderer;
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
 * under Xvfb whose screen is read back from Xvfb's framebuffer file. Both must show the same pixels: the
 * scene as the library renders it, alpha-blended over the checkerboard.
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
    int v = ((x / QuadRenderer.CELL + gy / QuadRenderer.CELL) & 1) == 0 ? QuadRenderer.LIGHT : QuadRenderer.DARK;
    return v << 16 | v << 8 | v;
  }

  /** The scene at {@link #T} rendered on the default backend (as the preview does) as 8-bit straight RGBA. */
  static byte[] sceneRgba() {
    try (Image img = new Image(W, H); ImageU8 u8 = new ImageU8(W, H)) {
      new PreviewScene().render(img, T);
      Images.convertFloatToU8(u8, img);
      return Images.download(u8);
    }
  }

  /**
   * Every pixel of a picture of the scene at {@link #T} is the scene blended over the checkerboard,
   * {@code s·a + c·(1 − a)}: exactly for opaque and fully transparent pixels, within one level (OpenGL's
   * rounding) for translucent ones.
   */
  static void assertShowsTheScene(int[][] rgb) {
    byte[] scene = sceneRgba();
    int opaque = 0;
    int transparent = 0;
    int wrong = 0;
    String first = null;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = (y * W + x) * 4;
        int a = scene[i + 3] & 0xFF;
        int c = checker(x, y, H) & 0xFF;
        opaque += a == 255 ? 1 : 0;
        transparent += a == 0 ? 1 : 0;
        for (int k = 0; k < 3; k++) {
          double expected = (scene[i + k] & 0xFF) * a / 255.0 + c * (1 - a / 255.0);
          int actual = rgb[y][x] >> (16 - 8 * k) & 0xFF;
          if (Math.abs(actual - expected) > (a == 0 || a == 255 ? 0 : 1)) {
            wrong++;
            if (first == null) {
              first = String.format("(%d,%d) channel %d: %d, expected %.2f (scene %d alpha %d over %d)", x, y, k,
                  actual, expected, scene[i + k] & 0xFF, a, c);
            }
          }
        }
      }
    }
    assertEquals(0, wrong, "channels off the expected blend, first at " + first);
    assertTrue(opaque > W && transparent > W, "opaque " + opaque + ", transparent " + transparent + " pixels");
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
    assertShowsTheScene(rgb(png));
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
        assertShowsTheScene(screen);
      } finally {
        app.destroy();
        app.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
