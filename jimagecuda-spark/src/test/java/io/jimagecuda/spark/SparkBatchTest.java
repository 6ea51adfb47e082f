package io.jimagecuda.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit main class in local mode, against the single-machine {@code jimagecuda batch} command. */
class SparkBatchTest {
  private static final int PHOTOS = 6;

  @TempDir
  static Path dir;

  private static SparkSession spark;
  private static Path photos;
  private static Path recipe;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTests.start(SparkBatchTest.class);
    photos = dir.resolve("photos");
    SparkTests.writePhotos(photos, PHOTOS);
    SparkTests.writePhotos(photos.resolve("more"), 2); // photo00.png again, in a sub-directory
    Files.write(photos.resolve("corrupt.png"), new byte[] {1, 2, 3, 4});
    Files.writeString(photos.resolve("readme.txt"), "not an image: a directory input leaves it out");
    Path recipeDir = Files.createDirectories(dir.resolve("recipe"));
    SparkTests.writeWatermark(recipeDir);
    recipe = Files.writeString(recipeDir.resolve("thumb.json"), SparkTests.RECIPE);
  }

  @AfterAll
  static void stop() {
    ExecutorJobs.closeAll();
    spark.stop();
  }

  private record Result(int status, String out, String err) {
  }

  private static Result sparkBatch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SparkBatch.run(args, spark, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void outputsEqualTheBatchCommandsByteForByteAndFailuresAreReported() throws IOException {
    Path single = dir.resolve("single");
    int batchStatus = Main.commandLine().execute("batch", recipe.toString(), photos.toString(), "--out",
        single.toString(), "--backend", "cpu", "--progress", "off");
    assertEquals(4, batchStatus, "the batch command reports the corrupt file");

    Path out = dir.resolve("spark");
    Result r = sparkBatch(recipe.toString(), photos.toString(), "--out", out.toString(), "--backend", "cpu");
    assertEquals(SparkBatch.SOME_FAILED, r.status(), r.err());
    assertTrue(r.out().contains("8 written, 0 skipped (exist), 1 failed"), r.out());
    assertTrue(r.out().contains("backends {cpu=9}"), r.out());

    List<String> expected = files(single);
    assertEquals(List.of("more/photo00.png", "more/photo01.png", "photo00.png", "photo01.png", "photo02.png",
        "photo03.png", "photo04.png", "photo05.png"), expected);
    assertEquals(expected, files(out).stream().filter(f -> !f.equals(SparkBatch.FAILURES_REPORT)).toList());
    for (String f : expected) {
      assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
    }
    List<String> report = Files.readAllLines(out.resolve(SparkBatch.FAILURES_REPORT));
    assertEquals(2, report.size(), report.toString());
    assertEquals("path\terror", report.get(0));
    assertTrue(report.get(1).matches("file:/.*/photos/corrupt\\.png\tIOException: .*"), report.get(1));

    // again: everything that exists is skipped, only the corrupt file is tried (and fails) again
    Result again = sparkBatch(recipe.toString(), photos.toString(), "--out", out.toString(), "--backend", "cpu");
    assertTrue(again.out().contains("0 written, 8 skipped (exist), 1 failed"), again.out());
  }

  @Test
  void globsNameOutputsFlatAndRenameClashes() throws IOException {
    Path out = dir.resolve("glob");
    Result r = sparkBatch(recipe.toString(), photos + "/photo0[01].*", photos + "/more/*.png", "--out",
        out.toString(), "--format", "jpg", "--quality", "90", "--backend", "cpu", "--partitions", "3");
    assertEquals(0, r.status(), r.err());
    // more/ holds photo00.png and photo01.jpg: the pattern *.png takes only the first
    assertEquals(List.of("photo00-2.jpg", "photo00.jpg", "photo01.jpg"), files(out));
    assertTrue(r.err().contains("would both write photo00.jpg; writing photo00-2.jpg"), r.err());
    assertFalse(Files.exists(out.resolve(SparkBatch.FAILURES_REPORT)));
  }

  @Test
  void usageErrorsExitWithTwo() {
    Result noOut = sparkBatch(recipe.toString(), photos.toString());
    assertEquals(2, noOut.status());
    assertTrue(noOut.err().contains("--out DIR"), noOut.err());
    Result missing = sparkBatch(recipe.toString(), dir.resolve("nowhere").toString(), "--out",
        dir.resolve("x").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("does not exist"), missing.err());
    Result backend = sparkBatch(recipe.toString(), photos.toString(), "--out", "x", "--backend", "tpu");
    assertEquals(2, backend.status());
    assertTrue(backend.err().contains("--backend must be auto, cpu or gpu, got 'tpu'"), backend.err());
  }
}
