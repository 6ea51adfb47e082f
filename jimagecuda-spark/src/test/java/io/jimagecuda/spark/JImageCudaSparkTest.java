package io.jimagecuda.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.HostImage;
import io.jimagecuda.Images;
import io.jimagecuda.internal.LiveImages;
import io.jimagecuda.recipe.RecipeException;
import io.jimagecuda.recipe.RecipeJob;
import io.jimagecuda.recipe.RecipeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JImageCudaSpark#applyRecipe} in Spark's local mode ({@code local[4]}) on the CPU backend, over
 * real PNG and JPEG files read with the {@code binaryFile} source.
 */
class JImageCudaSparkTest {
  private static final int PHOTOS = 12;

  @TempDir
  static Path dir;

  private static SparkSession spark;
  private static Path photos;
  private static Path assets;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTests.start(JImageCudaSparkTest.class);
    photos = dir.resolve("photos");
    assets = dir.resolve("assets");
    SparkTests.writePhotos(photos, PHOTOS);
    SparkTests.writeWatermark(assets);
    Files.write(photos.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
    Files.writeString(photos.resolve("notes.jpg"), "not an image at all");
  }

  @AfterAll
  static void stop() {
    ExecutorJobs.closeAll();
    spark.stop();
  }

  @BeforeEach
  void freshExecutorJobs() {
    ExecutorJobs.closeAll();
  }

  private static JImageCudaSpark.Options cpu() {
    return JImageCudaSpark.Options.DEFAULTS.withBackend(JImageCudaSpark.BackendChoice.CPU)
        .withAssetsDirectory(assets.toString());
  }

  private static Dataset<Row> images() {
    return spark.read().format("binaryFile").load(photos.toString()).repartition(4);
  }

  private static Map<String, Row> byFileName(List<Row> rows) {
    Map<String, Row> map = new HashMap<>();
    for (Row row : rows) {
      String path = row.getAs(JImageCudaSpark.PATH);
      map.put(path.substring(path.lastIndexOf('/') + 1), row);
    }
    return map;
  }

  @Test
  void pngResultsEqualTheSingleMachineRecipeJobByteForByte() throws IOException {
    Map<String, Row> rows = byFileName(JImageCudaSpark.applyRecipe(images(), SparkTests.RECIPE, cpu()).collectAsList());
    assertEquals(PHOTOS + 2, rows.size());
    try (RecipeJob job = new RecipeJob(RecipeParser.parse(SparkTests.RECIPE), assets, BackendKind.CPU)) {
      for (int i = 0; i < PHOTOS; i++) {
        String name = String.format("photo%02d.%s", i, i % 2 == 0 ? "png" : "jpg");
        Row row = rows.get(name);
        assertNull(row.getAs(JImageCudaSpark.ERROR), name);
        byte[] expected = job.render(Files.readAllBytes(photos.resolve(name)), "png",
            Images.Save.ENCODER_DEFAULT_QUALITY);
        assertArrayEquals(expected, (byte[]) row.getAs(JImageCudaSpark.CONTENT), name);
        HostImage decoded = Images.decode(expected, false);
        assertEquals(decoded.width(), (int) row.getAs(JImageCudaSpark.WIDTH), name);
        assertEquals(decoded.height(), (int) row.getAs(JImageCudaSpark.HEIGHT), name);
        assertEquals(48, decoded.width(), name);
        assertEquals("png", row.getAs(JImageCudaSpark.FORMAT));
        assertEquals("cpu", row.getAs(JImageCudaSpark.BACKEND));
      }
    }
  }

  @Test
  void jpegOutputEqualsTheSingleMachineRecipeJob() throws IOException {
    JImageCudaSpark.Options jpeg = cpu().withFormat(".JPG").withQuality(85);
    Map<String, Row> rows = byFileName(JImageCudaSpark.applyRecipe(images(), SparkTests.RECIPE, jpeg).collectAsList());
    try (RecipeJob job = new RecipeJob(RecipeParser.parse(SparkTests.RECIPE), assets, BackendKind.CPU)) {
      byte[] expected = job.render(Files.readAllBytes(photos.resolve("photo03.jpg")), "jpg", 85);
      Row row = rows.get("photo03.jpg");
      assertEquals("jpg", row.getAs(JImageCudaSpark.FORMAT));
      assertArrayEquals(expected, (byte[]) row.getAs(JImageCudaSpark.CONTENT));
    }
  }

  @Test
  void aCorruptFileFailsItsRowOnly() {
    Map<String, Row> rows = byFileName(JImageCudaSpark.applyRecipe(images(), SparkTests.RECIPE, cpu()).collectAsList());
    for (String bad : List.of("corrupt.png", "notes.jpg")) {
      Row row = rows.get(bad);
      String error = row.getAs(JImageCudaSpark.ERROR);
      assertNotNull(error, bad);
      assertTrue(error.startsWith("IOException: "), error);
      assertNull(row.getAs(JImageCudaSpark.CONTENT));
      assertNull(row.getAs(JImageCudaSpark.WIDTH));
      assertEquals("cpu", row.getAs(JImageCudaSpark.BACKEND));
    }
    long ok = rows.values().stream().filter(r -> r.getAs(JImageCudaSpark.ERROR) == null).count();
    assertEquals(PHOTOS, ok);
  }

  @Test
  void noTaskLeaksImages() {
    long before = LiveImages.count();
    Dataset<Row> result = JImageCudaSpark.applyRecipe(images(), SparkTests.RECIPE, cpu());
    assertEquals(PHOTOS + 2, result.count());
    // 4 tasks ran, all on the executor's one CPU job, which keeps the decoded watermark and nothing else
    assertEquals(1, ExecutorJobs.size());
    assertEquals(before + 1, LiveImages.count());
    assertEquals(PHOTOS + 2, result.count()); // a second job reuses the executor's job
    assertEquals(before + 1, LiveImages.count());
    assertEquals(1, ExecutorJobs.closeAll()); // what the executor's shutdown hook does
    assertEquals(before, LiveImages.count());
  }

  @Test
  void anyBinaryColumnWithoutAPath() {
    Dataset<Row> renamed = images().selectExpr("content AS bytes");
    List<Row> rows = JImageCudaSpark.applyRecipe(renamed, SparkTests.RECIPE,
        cpu().withContentColumn("bytes").withPathColumn(null)).collectAsList();
    assertEquals(PHOTOS + 2, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.isNullAt(0)));
    assertEquals(PHOTOS, rows.stream().filter(r -> r.getAs(JImageCudaSpark.ERROR) == null).count());
  }

  @Test
  void theResultHasTheDocumentedColumns() {
    Dataset<Row> result = JImageCudaSpark.applyRecipe(images(), SparkTests.RECIPE, cpu());
    assertEquals(JImageCudaSpark.resultSchema(), result.schema());
    assertEquals(List.of("path", "content", "width", "height", "format", "backend", "error"),
        List.of(result.columns()));
  }

  @Test
  void badArgumentsFailOnTheDriverWithTheirName() {
    Dataset<Row> images = images();
    IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
        () -> JImageCudaSpark.applyRecipe(images, SparkTests.RECIPE, cpu().withContentColumn("bytes")));
    assertTrue(column.getMessage().contains("no content column 'bytes'"), column.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> JImageCudaSpark.applyRecipe(images, SparkTests.RECIPE, cpu().withContentColumn("length")));
    assertTrue(type.getMessage().contains("'length' is bigint, not binary"), type.getMessage());
    IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
        () -> JImageCudaSpark.applyRecipe(images, SparkTests.RECIPE, cpu().withFormat("webp")));
    assertTrue(format.getMessage().contains("'webp' is not supported"), format.getMessage());
    IllegalArgumentException quality = assertThrows(IllegalArgumentException.class,
        () -> JImageCudaSpark.applyRecipe(images, SparkTests.RECIPE, cpu().withFormat("jpg").withQuality(0)));
    assertTrue(quality.getMessage().contains("got 0"), quality.getMessage());
    String noInput = SparkTests.RECIPE.replace("{\"load\": \"$input\"}", "{\"width\": 8, \"height\": 8}");
    RecipeException recipe = assertThrows(RecipeException.class,
        () -> JImageCudaSpark.applyRecipe(images, noInput, cpu()));
    assertTrue(recipe.getMessage().contains("does not load \"$input\""), recipe.getMessage());
  }
}
