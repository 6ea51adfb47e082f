package io.jimagecuda.spark;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Blend;
import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Images per second of {@link JImageCudaSpark#applyRecipe} over a directory, in the Spark the JVM is given
 * ({@code local[*]} when no master is set): the inputs are read and cached first, then the recipe runs
 * {@code --runs} times (the first a warm-up: JIT, device start, the executor's jobs) and each run prints its
 * rate. Nothing is written. Run it with {@code java -cp ...} (see docs/spark.md) or {@code spark-submit}:
 *
 * <pre>
 * java [Spark JVM options] -cp 'jimagecuda-spark.jar:deps/*' io.jimagecuda.spark.SparkBench RECIPE DIR
 *     [--format jpg] [--quality 90] [--backend auto|cpu|gpu] [--assets DIR] [--partitions N] [--runs 3]
 * </pre>
 *
 * <p>{@code --generate N} first writes N photo-like JPEG files ({@code --size}, default 1920x1080) into DIR,
 * made with the library's fills, where DIR holds none yet.
 *
 * <p>GPUs in local mode: {@code -Dspark.driver.resource.gpu.amount=N
 * -Dspark.driver.resource.gpu.discoveryScript=getGpusResources.sh}; the partitions share those GPUs.
 */
public final class SparkBench {
  private SparkBench() {
  }

  /**
   * Runs the benchmark and prints one line per run and a summary.
   *
   * @param args RECIPE DIR and the options in the class description
   * @throws IOException if the recipe cannot be read
   */
  public static void main(String[] args) throws IOException {
    List<String> positional = new ArrayList<>();
    String format = "jpg";
    int quality = 90;
    JImageCudaSpark.BackendChoice backend = JImageCudaSpark.BackendChoice.AUTO;
    String assets = null;
    int partitions = 0;
    int runs = 3;
    int generate = 0;
    String size = "1920x1080";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--format" -> format = args[++i];
        case "--quality" -> quality = Integer.parseInt(args[++i]);
        case "--backend" -> backend = SparkBatch.Args.backend(args[++i]);
        case "--assets" -> assets = args[++i];
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Math.max(2, Integer.parseInt(args[++i]));
        case "--generate" -> generate = Integer.parseInt(args[++i]);
        case "--size" -> size = args[++i];
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() != 2) {
      System.err.println("usage: SparkBench RECIPE DIR [--format jpg] [--quality 90] [--backend auto|cpu|gpu] "
          + "[--assets DIR] [--partitions N] [--runs 3] [--generate N [--size 1920x1080]]");
      System.exit(2);
    }
    if (generate > 0) {
      String[] wh = size.split("x");
      writePhotos(Path.of(positional.get(1)), generate, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }
    Path recipeFile = Path.of(positional.get(0));
    String recipe = Files.readString(recipeFile);
    if (assets == null) {
      assets = recipeFile.toAbsolutePath().getParent().toString();
    }
    SparkSession.Builder builder = SparkSession.builder().appName("jimagecuda-spark bench")
        .config("spark.ui.enabled", "false");
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      int n = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism() * 2;
      Dataset<Row> images = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
          .load(positional.get(1)).select("path", "content").repartition(n).persist(StorageLevel.MEMORY_ONLY());
      long count = images.count();
      System.out.printf(Locale.ROOT, "SparkBench: %d files from %s in %d partitions, master %s, %s, quality %d, "
              + "backend %s%n", count, positional.get(1), n, spark.sparkContext().master(), format, quality,
          backend);
      JImageCudaSpark.Options options = JImageCudaSpark.Options.DEFAULTS.withFormat(format).withQuality(quality)
          .withBackend(backend).withAssetsDirectory(assets);
      double best = 0;
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        List<Row> summary = JImageCudaSpark.applyRecipe(images, recipe, options)
            .groupBy(JImageCudaSpark.BACKEND)
            .agg(functions.count(functions.col(JImageCudaSpark.CONTENT)).as("ok"),
                functions.count(functions.col(JImageCudaSpark.ERROR)).as("failed"),
                functions.sum(functions.length(functions.col(JImageCudaSpark.CONTENT))).as("bytes"))
            .collectAsList();
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = 0;
        StringBuilder where = new StringBuilder();
        for (Row r : summary) {
          ok += r.getLong(1);
          where.append(' ').append(r.getString(0)).append('=').append(r.getLong(1));
          if (r.getLong(2) > 0) {
            where.append(" (").append(r.getLong(2)).append(" failed)");
          }
        }
        double rate = ok / seconds;
        if (run > 1) {
          best = Math.max(best, rate);
        }
        System.out.printf(Locale.ROOT, "SparkBench: run %d%s: %d images in %.2f s: %.1f images/s;%s%n", run,
            run == 1 ? " (warm-up)" : "", ok, seconds, rate, where);
      }
      System.out.printf(Locale.ROOT, "SparkBench: best %.1f images/s (runs 2..%d)%n", best, runs);
    } finally {
      spark.stop();
    }
  }

  /** Writes {@code count} photo-like JPEG files (Perlin terrain, gradient, translucent disc) unless present. */
  private static void writePhotos(Path dir, int count, int width, int height) throws IOException {
    Files.createDirectories(dir);
    int written = 0;
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "photo%04d.jpg", i));
      if (Files.exists(file)) {
        continue;
      }
      try (Image img = new Image(width, height, BackendKind.CPU);
          Image disc = new Image(width / 2, height / 2, BackendKind.CPU)) {
        Fill.perlin(img, Fill.Perlin.DEFAULTS.withScale(width / 8f).withSeed(i).withOctaves(5));
        Fill.circle(disc, Fill.Circle.DEFAULTS.withColor(Rgba.of(0.9f, 0.4f + (i % 5) / 10f, 0.2f, 0.7f)));
        Blend.normal(img, disc);
        Images.save(img, file, 92);
        written++;
      }
    }
    System.out.printf(Locale.ROOT, "SparkBench: wrote %d photos of %dx%d into %s%n", written, width, height, dir);
  }
}
