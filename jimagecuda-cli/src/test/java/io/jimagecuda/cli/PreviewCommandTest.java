package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.gl.QuadRenderer;
import io.jimagecuda.gl.preview.PreviewScene;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jimagecuda preview}: headless through EGL (Mesa's software renderer in CI) and its argument errors. */
class PreviewCommandTest {
  static final int W = 61;
  static final int H = 47;

  @TempDir
  Path dir;

  @Test
  void headlessRunSavesTheChosenFramesAndPrintsFramesPerSecond() throws IOException {
    Path out = dir.resolve("frames");
    Cli.Result r = Cli.run("preview", "--headless", "--frames", "4", "--size", W + "x" + H, "--out", out.toString(),
        "--save", "0,3", "--path", "cpu");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("preview: 4 frames of 61x47 in [0-9.]+ s: [0-9.]+ frames per "
        + "second \\(CPU_UPLOAD\\)")), r.out());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("frame-00000.png", "frame-00003.png"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    int[][] first = rgb(Png.read(out.resolve("frame-00000.png")));
    assertShowsTheSceneAt(0, first);
    int[][] last = rgb(Png.read(out.resolve("frame-00003.png")));
    int differing = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        differing += first[y][x] != last[y][x] ? 1 : 0;
      }
    }
    assertTrue(differing > W, "the scene moves between frames 0 and 3: " + differing + " pixels differ");
  }

  @Test
  void aStillPictureWithTime() throws IOException {
    Cli.Result r = Cli.run("preview", "--headless", "--frames", "2", "--size", W + "x" + H, "--time", "2.5",
        "--out", dir.toString());
    assertEquals(0, r.exit(), r.err());
    assertShowsTheSceneAt(2.5, rgb(Png.read(dir.resolve("frame-00001.png"))));
  }

  /**
   * The picture is the scene at time {@code t} (rendered on the default backend, as the preview does)
   * alpha-blended over the checkerboard: opaque and transparent pixels exactly, translucent ones within one
   * level of {@code s·a + c·(1 − a)}.
   */
  private static void assertShowsTheSceneAt(double t, int[][] rgb) {
    byte[] scene;
    try (Image img = new Image(W, H); ImageU8 u8 = new ImageU8(W, H)) {
      new PreviewScene().render(img, t);
      Images.convertFloatToU8(u8, img);
      scene = Images.download(u8);
    }
    int wrong = 0;
    int opaque = 0;
    int transparent = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = (y * W + x) * 4;
        int a = scene[i + 3] & 0xFF;
        opaque += a == 255 ? 1 : 0;
        transparent += a == 0 ? 1 : 0;
        // The checkerboard's cells count from the bottom-left corner, like OpenGL's window coordinates.
        boolean light = ((x / QuadRenderer.CELL + (H - 1 - y) / QuadRenderer.CELL) & 1) == 0;
        int c = light ? QuadRenderer.LIGHT : QuadRenderer.DARK;
        for (int k = 0; k < 3; k++) {
          double expected = (scene[i + k] & 0xFF) * a / 255.0 + c * (1 - a / 255.0);
          int actual = rgb[y][x] >> (16 - 8 * k) & 0xFF;
          wrong += Math.abs(actual - expected) > (a == 0 || a == 255 ? 0 : 1) ? 1 : 0;
        }
      }
    }
    assertEquals(0, wrong, "channels off the scene over the checkerboard at t = " + t);
    assertTrue(opaque > W && transparent > W, "opaque " + opaque + ", transparent " + transparent);
  }

  private static int[][] rgb(BufferedImage img) {
    assertEquals(W, img.getWidth());
    assertEquals(H, img.getHeight());
    int[][] out = new int[H][W];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        out[y][x] = img.getRGB(x, y) & 0xFFFFFF;
      }
    }
    return out;
  }

  /** The user-error contract: exit 2, one line on stderr, no stack trace. */
  private static void assertUserError(String expected, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(2, r.exit(), r.err());
    assertEquals("jimagecuda preview: " + expected + " (see 'jimagecuda preview --help')\n", r.err());
  }

  @Test
  void argumentMistakesAreUserErrors() {
    assertUserError("--out and --save are for --headless runs", "preview", "--out", dir.toString());
    assertUserError("--save needs --out DIR to save the frames into", "preview", "--headless", "--save", "1");
    assertUserError("--save 5 is not a frame: frames are 0..1", "preview", "--headless", "--frames", "2", "--out",
        dir.toString(), "--save", "5");
    assertUserError("--frames must be at least 1, got 0", "preview", "--headless", "--frames", "0");
    assertUserError("--size: the sides of 0x4 must be in 1..32768", "preview", "--headless", "--size", "0x4");
    assertUserError("--size must be WIDTHxHEIGHT, e.g. 1280x720, got 'big'", "preview", "--size", "big");
    assertUserError("--path expects auto, cuda, cpu or a present path (vulkan_shared_texture, cuda_exported_buffer, "
        + "cuda_mapped_texture, cuda_mapped_pbo, cpu_upload), got 'gpu'", "preview", "--headless", "--path", "gpu");
    assertFalse(Files.exists(dir.resolve("frame-00000.png")), "nothing was rendered");
  }

  @Test
  void aWindowWithoutADisplayIsAUserError() {
    Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
        "a display is set: a window would open");
    assertUserError("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset); use --headless to "
        + "render without one", "preview", "--frames", "1");
  }

  @Test
  void fileArgumentMistakesAreUserErrors() throws IOException {
    Path png = dir.resolve("in.png");
    Png.write(png, 2, 2, 0xFF102030);
    assertUserError("FILE|RECIPE: no such file: " + dir.resolve("none.png"), "preview", dir.resolve("none.png")
        .toString());
    assertUserError("--headless, --frames, --out, --save, --path, --size, --no-vsync and --time are for the "
        + "animated scene, not for FILE|RECIPE", "preview", png.toString(), "--headless");
    assertUserError("--backend and --screenshot need FILE|RECIPE", "preview", "--headless", "--screenshot",
        dir.resolve("shot.png").toString());
  }

  @Test
  void aFileWithoutADisplayIsAUserError() throws IOException {
    Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
        "a display is set: a window would open");
    Path png = dir.resolve("in.png");
    Png.write(png, 2, 2, 0xFF102030);
    assertUserError("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)", "preview",
        png.toString());
  }
}
