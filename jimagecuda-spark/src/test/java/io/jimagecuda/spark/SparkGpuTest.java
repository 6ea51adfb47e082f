package io.jimagecuda.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.HostImage;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.recipe.RecipeJob;
import io.jimagecuda.recipe.RecipeParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the GPU machine: local mode with the driver's GPUs found by the shipped discovery script; every
 * partition runs on a GPU, all GPUs take part, and the pixels are those of the CPU backend within 1.
 */
@GpuOnly
class SparkGpuTest {
  @TempDir
  Path dir;

  @Test
  void localModeTasksRunOnEveryGpuWithTheCpuBackendsPixels() throws Exception {
    int gpus = JImageCuda.cudaDeviceCount();
    Path script = DiscoveryScriptTest.extractScript(dir);
    List<Path> photos = SparkTests.writePhotos(dir.resolve("photos"), 16);
    Path assets = dir.resolve("assets");
    SparkTests.writeWatermark(assets);
    SparkSession spark = SparkTests.start(SparkGpuTest.class, "spark.driver.resource.gpu.amount",
        String.valueOf(gpus), "spark.driver.resource.gpu.discoveryScript", script.toString());
    try (RecipeJob cpu = new RecipeJob(RecipeParser.parse(SparkTests.RECIPE), assets, BackendKind.CPU)) {
      List<Row> rows = JImageCudaSpark.applyRecipe(
          spark.read().format("binaryFile").load(dir.resolve("photos").toString()).repartition(2 * gpus),
          SparkTests.RECIPE, JImageCudaSpark.Options.DEFAULTS.withAssetsDirectory(assets.toString())
              .withBackend(JImageCudaSpark.BackendChoice.GPU)).collectAsList();
      assertEquals(photos.size(), rows.size());
      Set<String> backends = new TreeSet<>();
      for (Row row : rows) {
        String path = row.getAs(JImageCudaSpark.PATH);
        assertNull(row.getAs(JImageCudaSpark.ERROR), path);
        backends.add(row.getAs(JImageCudaSpark.BACKEND));
        Path file = Path.of(path.replaceFirst("^file:", ""));
        HostImage expected = Images.decode(cpu.render(Files.readAllBytes(file), "png", -1), false);
        HostImage actual = Images.decode((byte[]) row.getAs(JImageCudaSpark.CONTENT), false);
        assertEquals(expected.width(), actual.width(), path);
        assertEquals(expected.height(), actual.height(), path);
        int worst = 0;
        for (int i = 0; i < expected.rgba().length; i++) {
          worst = Math.max(worst, Math.abs((expected.rgba()[i] & 255) - (actual.rgba()[i] & 255)));
        }
        assertTrue(worst <= 1, path + ": a channel differs from the CPU backend's by " + worst);
      }
      Set<String> all = IntStream.range(0, gpus).mapToObj(g -> "cuda:" + g)
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(all, backends, "every GPU takes partitions");
      System.out.println("[spark gpu] " + rows.size() + " images on " + backends);
    } finally {
      ExecutorJobs.closeAll();
      spark.stop();
    }
  }
}
