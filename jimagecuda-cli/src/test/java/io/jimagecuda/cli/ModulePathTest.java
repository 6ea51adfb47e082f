package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.testing.JavaProcess;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line runs from the module path ({@code java --module-path ... --module
 * io.jimagecuda.cli/io.jimagecuda.cli.Main}) on the JDK the tests run on: the four modules and their
 * dependencies resolve, ImageIO finds the TwelveMonkeys plugins as service providers (JPEG, WebP) next
 * to the JDK's PNG reader, and nothing is printed on stderr.
 */
class ModulePathTest {
  @TempDir
  Path dir;

  /** This module's classes and its runtime dependencies (written by the build), as a module path. */
  private static String modulePath() throws Exception {
    Path target = Path.of("target");
    String runtime = Files.readString(target.resolve("runtime-classpath.txt")).trim();
    return target.resolve("classes").toAbsolutePath() + File.pathSeparator + runtime;
  }

  private static BufferedImage flat(int w, int h, int type, int argb) {
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, argb);
      }
    }
    return img;
  }

  @Test
  void rendersFromTheModulePathLoadingPngJpegAndWebp() throws Exception {
    // The text step reads the bundled font, a resource of the named module io.jimagecuda.
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    ImageIO.write(flat(3, 2, BufferedImage.TYPE_INT_ARGB, 0x80_10_20_30), "png", inputs.resolve("in.png").toFile());
    ImageIO.write(flat(16, 8, BufferedImage.TYPE_INT_RGB, 0xC8_64_32), "jpeg", inputs.resolve("in.jpg").toFile());
    // Modernizr's 1 × 1 lossy WebP probe (ImagesTest reads it too); the JDK has no WebP reader.
    Files.write(inputs.resolve("probe.webp"),
        Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA"));
    Files.writeString(dir.resolve("files.json"), """
        {"name": "files",
         "images": {"png": {"load": "in.png"}, "jpeg": {"load": "in.jpg"}, "webp": {"load": "probe.webp"}},
         "steps": [{"op": "text.create", "text": "<b>fonts</b> from the module", "font": "Sans", "size": 12,
                    "color": [0, 0, 0, 1], "bgColor": [0, 0, 0, 0], "align": "left", "justify": false,
                    "spacing": 0, "letterSpacing": 0, "out": "text"}],
         "output": "jpeg"}
        """);

    List<String> command = new ArrayList<>(List.of(JavaProcess.java()));
    command.addAll(JavaProcess.quietOptions(true));
    command.addAll(List.of("--show-module-resolution", "--module-path", modulePath(), "--module",
        "io.jimagecuda.cli/io.jimagecuda.cli.Main", "render", "files.json", "-o", "out.png", "--inputs", "inputs",
        "--backend", "cpu"));
    JavaProcess.Result r = JavaProcess.run(dir, command, 120);

    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.err(), "nothing on stderr (JDK " + JavaProcess.feature() + ")");
    assertTrue(r.out().contains("root io.jimagecuda.cli "), "the command line ran as a named module: " + r);
    for (String plugin : List.of("jpeg", "webp", "tiff", "bmp")) {
      assertTrue(r.out().contains("java.desktop binds com.twelvemonkeys.imageio." + plugin + " "),
          "ImageIO's service lookup found the TwelveMonkeys " + plugin + " plugin: " + r);
    }
    assertTrue(r.out().contains("-> out.png"), r.toString());

    BufferedImage out = ImageIO.read(dir.resolve("out.png").toFile());
    assertEquals(16, out.getWidth());
    assertEquals(8, out.getHeight());
    int[] px = out.getRaster().getPixel(5, 3, new int[4]);
    int[] expected = {0xC8, 0x64, 0x32, 255};
    for (int c = 0; c < 4; c++) {
      assertTrue(Math.abs(px[c] - expected[c]) <= 3, "JPEG pixel " + java.util.Arrays.toString(px));
    }
    // WebP is written by webp-imageio (an automatic module, in Kotlin, with libwebp natives) and PNG by the
    // core module's own encoder: both work from the module path, quietly.
    for (String output : List.of("out.webp", "again.png")) {
      List<String> write = new ArrayList<>(List.of(JavaProcess.java()));
      write.addAll(JavaProcess.quietOptions(true));
      write.addAll(List.of("--module-path", modulePath(), "--module", "io.jimagecuda.cli/io.jimagecuda.cli.Main",
          "render", "files.json", "-o", output, "--inputs", "inputs", "--backend", "cpu"));
      JavaProcess.Result w = JavaProcess.run(dir, write, 120);
      assertEquals(0, w.exit(), w.toString());
      assertEquals("", w.err(), "nothing on stderr writing " + output + " (JDK " + JavaProcess.feature() + ")");
      BufferedImage back = ImageIO.read(dir.resolve(output).toFile());
      assertEquals(16, back.getWidth(), output);
    }
  }
}
