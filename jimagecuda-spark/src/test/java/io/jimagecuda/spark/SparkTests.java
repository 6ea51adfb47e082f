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
import org.apache.spark.sql.SparkSession;

/** What the Spark tests share: a small local session and real image files made with the library's fills. */
final class SparkTests {
  /** Resize, adjust, blend a watermark read from the assets directory: the typical recipe, small. */
  static final String RECIPE = """
      {"name": "thumb",
       "images": {"photo": {"load": "$input"}, "mark": {"load": "mark.png"}},
       "steps": [
         {"op": "resize.lanczos", "src": "photo", "width": 48, "height": null, "out": "small"},
         {"op": "adjust.saturation", "image": "small", "factor": 1.3},
         {"op": "blend.normal", "base": "small", "overlay": "mark", "anchor": "bottom-right",
          "offsetX": -2, "offsetY": -2, "opacity": 0.6}
       ],
       "output": "small"}
      """;

  private SparkTests() {
  }

  /**
   * A local session of 4 task threads, no web UI, few shuffle partitions, on the loopback address: one per
   * test class (starting one takes seconds).
   *
   * @param extra further settings, as key, value, key, value ...
   */
  static SparkSession start(Class<?> testClass, String... extra) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(testClass.getSimpleName())
        .master("local[4]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      builder.config(extra[i], extra[i + 1]);
    }
    return builder.getOrCreate();
  }

  /**
   * Writes {@code count} photo-like images to {@code dir}, each different: a Perlin landscape under a
   * gradient sky with a translucent circle; even ones as PNG (some with transparency), odd ones as JPEG.
   *
   * @return the files, in creation order
   */
  static List<Path> writePhotos(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int w = 96 + 8 * i;
      int h = 64 + 4 * (i % 5);
      try (Image img = new Image(w, h, BackendKind.CPU); Image disc = new Image(w / 2, h / 2, BackendKind.CPU)) {
        Fill.perlin(img, Fill.Perlin.DEFAULTS.withScale(20 + i).withSeed(i).withOctaves(3));
        Fill.gradient(disc, Rgba.of(0.2f, 0.5f, 0.9f, 0.8f), Rgba.of(0.9f, 0.3f, 0.1f, i % 4 == 0 ? 0.3f : 1f));
        Blend.normal(img, disc);
        Path file = dir.resolve(String.format("photo%02d.%s", i, i % 2 == 0 ? "png" : "jpg"));
        Images.save(img, file, 92);
        files.add(file);
      }
    }
    return files;
  }

  /** Writes the recipe's watermark, {@code mark.png}, to {@code assets}. */
  static void writeWatermark(Path assets) throws IOException {
    Files.createDirectories(assets);
    try (Image mark = new Image(12, 8, BackendKind.CPU)) {
      Fill.checkerboard(mark, 2);
      Images.save(mark, assets.resolve("mark.png"));
    }
  }
}
