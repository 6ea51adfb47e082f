import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples run (hello world, load-process-save, batch; the preview needs a window and is compiled
 * only), and the README quotes them word for word.
 */
class ExamplesTest {
  private static final Path SOURCES = Path.of("src", "main", "java");

  @TempDir
  Path dir;

  /** The ```java block that follows the first occurrence of {@code marker} in the README. */
  private static String readmeBlockAfter(String marker) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int at = readme.indexOf(marker);
    assertTrue(at >= 0, "the README has no '" + marker + "'");
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(at), "no ```java block after '" + marker + "' in the README");
    return block.group(1);
  }

  @Test
  void theReadmeQuotesTheExamples() throws Exception {
    assertEquals(Files.readString(SOURCES.resolve("Gradient.java")), readmeBlockAfter("\n## Java\n"),
        "README's Java example and examples/src/main/java/Gradient.java differ: change both");
    assertEquals(Files.readString(SOURCES.resolve("LoadProcessSave.java")),
        readmeBlockAfter("[`examples/src/main/java/LoadProcessSave.java`]"),
        "README's load-process-save example and examples/src/main/java/LoadProcessSave.java differ: change both");
  }

  private Path photo(String name, int width, int height) throws Exception {
    Path file = dir.resolve(name);
    try (Image img = new Image(width, height)) {
      Fill.gradient(img, Rgba.rgb(1, 0.5f, 0), Rgba.rgb(0, 0.2f, 1), GradientDirection.DIAGONAL);
      Images.save(img, file);
    }
    return file;
  }

  @Test
  void helloWorldWritesItsTwoFiles() throws Exception {
    // Gradient writes into its working directory: a child JVM in the temporary directory.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djimagecuda.backend=cpu", "-cp", System.getProperty("java.class.path"), "Gradient"));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Gradient ran for over 2 minutes");
    String out = Files.readString(dir.resolve("out.txt"));
    assertEquals(0, p.exitValue(), out);
    assertEquals("1920000 bytes of RGBA on CPU\n", out);
    assertEquals(800, ImageIO.read(dir.resolve("gradient.png").toFile()).getWidth());
    assertEquals(600, ImageIO.read(dir.resolve("clouds.jpg").toFile()).getHeight());
  }

  @Test
  void loadProcessSaveWritesAJpegOf1280PixelsWide() throws Exception {
    Path in = photo("photo.png", 1600, 900);
    Path out = dir.resolve("out.jpg");
    LoadProcessSave.main(new String[] {in.toString(), out.toString()});
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(1280, img.getWidth());
    assertEquals(720, img.getHeight());
  }

  @Test
  void batchMakesOneThumbnailPerImage() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.move(photo("a.png", 400, 300), in.resolve("a.png"));
    Files.move(photo("b.jpg", 200, 100), in.resolve("b.jpg"));
    Files.writeString(in.resolve("notes.txt"), "not an image");
    Path out = dir.resolve("thumbs");
    BatchThumbnails.main(new String[] {in.toString(), out.toString(), "100"});
    assertEquals(75, ImageIO.read(out.resolve("a.png").toFile()).getHeight());
    assertEquals(50, ImageIO.read(out.resolve("b.png").toFile()).getHeight());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(2, files.count(), "the text file was skipped");
    }
  }
}
