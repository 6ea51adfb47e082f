package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.testing.JavaProcess;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example, taken from the README itself, compiles and runs on the JDK the tests run on
 * (CI: 17 and 25) without a single line on stderr, with the JVM options the README gives; and a CPU-only
 * run loads neither LWJGL nor the CUDA driver, so it needs no options at all.
 */
class ReadmeExampleTest {
  private static final Path README = Path.of("..", "README.md");

  @TempDir
  Path dir;

  /** The first {@code ```java} block after the "## Java" heading, and the name of its public class. */
  private static String[] example() throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("\n## Java\n");
    assertTrue(section >= 0, "README has no '## Java' section");
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(section), "no ```java block in the README's Java section");
    Matcher cls = Pattern.compile("public class (\\w+)").matcher(block.group(1));
    assertTrue(cls.find(), "the example declares no public class");
    return new String[] {cls.group(1), block.group(1)};
  }

  /** Runs the example with the source launcher: {@code java OPTIONS -cp CLASSPATH Name.java}. */
  private JavaProcess.Result runExample(List<String> options) throws Exception {
    String[] example = example();
    Path source = Files.writeString(dir.resolve(example[0] + ".java"), example[1]);
    List<String> command = new ArrayList<>();
    command.add(JavaProcess.java());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), source.getFileName().toString()));
    return JavaProcess.run(dir, command, 120);
  }

  private static int[] rgba(BufferedImage img, int x, int y) {
    return img.getRaster().getPixel(x, y, new int[4]);
  }

  @Test
  void compilesAndRunsWithoutWarnings() throws Exception {
    JavaProcess.Result r = runExample(JavaProcess.quietOptions(false));
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.err(), "nothing on stderr (JDK " + JavaProcess.feature() + "): " + r);
    assertTrue(r.out().startsWith("1920000 bytes of RGBA on "), r.toString());

    BufferedImage gradient = ImageIO.read(dir.resolve("gradient.png").toFile());
    assertEquals(800, gradient.getWidth());
    assertEquals(600, gradient.getHeight());
    assertArrayEquals(new int[] {255, 0, 0, 255}, rgba(gradient, 400, 300), "colour 1 at the centre");
    assertArrayEquals(new int[] {0, 0, 255, 255}, rgba(gradient, 0, 0), "colour 2 in the corners");
    assertArrayEquals(new int[] {0, 0, 255, 255}, rgba(gradient, 799, 599), "colour 2 in the corners");

    BufferedImage clouds = ImageIO.read(dir.resolve("clouds.jpg").toFile());
    assertEquals(800, clouds.getWidth());
    assertEquals(600, clouds.getHeight());
  }

  @Test
  void onTheCpuBackendNeitherLwjglNorTheDriverIsLoaded() throws Exception {
    JavaProcess.Result r = runExample(List.of("-Djimagecuda.backend=cpu", "-Xlog:class+load=info:file=classes.log"));
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.err(), "no JVM options needed without CUDA (JDK " + JavaProcess.feature() + "): " + r);
    assertTrue(r.out().startsWith("1920000 bytes of RGBA on CPU"), r.toString());
    String classes = Files.readString(dir.resolve("classes.log"));
    assertTrue(classes.contains("io.jimagecuda.Fill "), "the log lists the classes loaded");
    assertFalse(classes.contains("org.lwjgl."), "LWJGL was loaded on the CPU backend");
    assertFalse(classes.contains("io.jimagecuda.internal.cuda."), "the CUDA backend was touched");
  }
}
