package io.jimagecuda.gl.studio;

import io.jimagecuda.testing.JavaProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Rgba;
import io.jimagecuda.gl.XvfbServer;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio in a real window under Xvfb (skipped, with the reason, without Xvfb): a parameter changed
 * programmatically reaches the panel (its readout and the screen), a value the library rejects shows the
 * library's message under its control and keeps the last frame, Save writes the edited recipe and the PNG.
 */
class StudioWindowTest {
  @TempDir
  Path tmp;

  @Test
  void editingAParameterShowsTheNewPixelsAndErrorsShowUnderTheControl() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    try (XvfbServer x = XvfbServer.start(tmp, 1600, 1000)) {
      JavaProcess.Result run = JavaProcess.run(x.java(StudioProbe.class.getName(), out.toString()), 120);
      String log = run.out();
      assertEquals(0, run.exit(), "the probe's JVM must exit cleanly: " + log);
      assertTrue(log.contains("probe done"), log);
    }
    List<String> r = Files.readAllLines(out.resolve("results.txt"));
    assertEquals("first 255 0 0 255 screen FF0000", r.get(0));
    assertEquals("changed 0 0 255 255 screen 0000FF", r.get(1));
    assertTrue(r.get(2).startsWith("error step 2 (filter.gaussianBlur): ") && r.get(2).contains("radius"), r.get(2));
    assertEquals("still 0 0 255 255", r.get(3), "a rejected value keeps the last frame");
    assertEquals("cleared []", r.get(4));
    assertTrue(r.get(5).startsWith("frames "), r.get(5));
    assertTrue(Long.parseLong(r.get(5).split(" ")[1]) >= 3, r.get(5));

    Recipe saved = RecipeParser.parse(out.resolve("saved.json"));
    assertEquals(new Rgba(0, 0, 1, 1), saved.steps().get(0).args().get("rgba"));
    assertEquals(1, saved.steps().get(1).args().get("radius"));
    BufferedImage png = ImageIO.read(out.resolve("saved.png").toFile());
    assertEquals(0xFF0000FF, png.getRGB(32, 24));
  }
}
