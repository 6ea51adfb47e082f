package io.jimagecuda.cli;

import io.jimagecuda.Adjust;
import io.jimagecuda.Anchor;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Blend;
import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.HostImage;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Rgba;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeJob;
import io.jimagecuda.recipe.RecipeParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda bench batch}: the {@code batch} pipeline on a corpus of photo-like JPEGs made by the
 * project's own fills (Perlin landscapes, a sky gradient, a sun, hills; deterministic per seed), with the
 * typical thumbnail recipe (load, Lanczos resize to 1024 wide, contrast and saturation, a watermark blended
 * in a corner, JPEG quality 90), on each backend: images per second and where the time goes, as Markdown.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure the batch pipeline: generate photo-like JPEGs (deterministic), run the typical "
        + "thumbnail recipe over them with each backend, print images/s and the time split as Markdown."})
final class BenchBatchCommand implements Callable<Integer> {
  /** The recipe measured; {@code watermark.png} lies next to it. */
  static final String RECIPE = """
      {"name": "thumbnail",
       "images": {"photo": {"load": "$input"}, "mark": {"load": "watermark.png"}},
       "steps": [
         {"op": "resize.lanczos", "src": "photo", "width": %d, "height": null, "out": "thumb"},
         {"op": "adjust.contrast", "image": "thumb", "factor": 1.1},
         {"op": "adjust.saturation", "image": "thumb", "factor": 1.15},
         {"op": "blend.normal", "base": "thumb", "overlay": "mark", "anchor": "bottom-right",
          "offsetX": -16, "offsetY": -16, "opacity": 0.6}
       ],
       "output": "thumb"}
      """;

  @Spec
  CommandSpec spec;

  @Option(names = "--count", paramLabel = "N", defaultValue = "300",
      description = "Images in the corpus (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "3000x2000",
      description = "Size of each generated photo (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--width", paramLabel = "W", defaultValue = "1024",
      description = "Width the recipe resizes to (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the generated corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the corpus, recipe and outputs go; an existing corpus of the same count, size and "
          + "seed is reused (default: jimagecuda-bench-batch in the temporary directory).")
  Path dir;

  @Option(names = "--backends", paramLabel = "cuda,cpu", split = ",", converter = Main.BackendConverter.class,
      description = "Backends to measure, in order (default: cuda when available, then cpu).")
  List<BackendKind> backends;

  @Option(names = "--devices", paramLabel = "0,1", split = ",",
      description = "CUDA devices, one worker each (default: the configured device).")
  List<Integer> devices;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Decode and encode threads (default: the number of CPUs).")
  Integer jobs;

  @Override
  public Integer call() throws Exception {
    Size photo = Size.parse(spec, "--size", size, "3000x2000");
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
    }
    if (width < 1 || width > io.jimagecuda.ImageBase.MAX_SIDE) {
      throw new ParameterException(spec.commandLine(), "--width must be in 1..32768, got " + width);
    }
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + threads);
    }
    List<BackendKind> kinds = backends != null ? backends
        : JImageCuda.isCudaAvailable() ? List.of(BackendKind.CUDA, BackendKind.CPU) : List.of(BackendKind.CPU);
    List<Integer> gpus = devices != null && !devices.isEmpty() ? devices
        : List.of(Math.max(0, JImageCuda.cudaDevice()));
    Path root = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "jimagecuda-bench-batch");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    Path corpus = root.resolve("photos");
    long g0 = System.nanoTime();
    boolean made = generate(corpus, photo, threads, err);
    err.printf(Locale.ROOT, "bench batch: corpus %s: %d photos %s (%s in %.1f s)%n", corpus, count, photo,
        made ? "generated" : "reused", (System.nanoTime() - g0) / 1e9);
    writeWatermark(root.resolve("watermark.png"));
    Path recipeFile = Files.writeString(root.resolve("thumbnail.json"), String.format(Locale.ROOT, RECIPE, width));
    Recipe recipe = RecipeParser.parse(recipeFile);
    List<BatchInputs.Item> items = BatchInputs.expand(List.of(corpus.toString()), root.resolve("out"), "jpg").items();

    List<Row> rows = new ArrayList<>();
    for (BackendKind kind : kinds) {
      BatchPipeline.Settings settings = new BatchPipeline.Settings(kind,
          kind == BackendKind.CUDA ? gpus : List.of(), threads, "jpg", 90, true);
      Path outDir = root.resolve("out-" + kind.id());
      List<BatchInputs.Item> mine = items.stream()
          .map(i -> new BatchInputs.Item(i.input(), outDir.resolve(i.output().getFileName()))).toList();
      // Warm-up (JIT, kernels, memory pool): a few files, not counted.
      BatchPipeline warm = new BatchPipeline(recipe, root, settings);
      warm.run(warm.createJobs(), mine.subList(0, Math.min(mine.size(), 2 * threads)), s -> { });
      BatchPipeline pipeline = new BatchPipeline(recipe, root, settings);
      err.println("bench batch: " + kind.id() + (kind == BackendKind.CUDA ? " devices " + gpus : "") + " ...");
      BatchStats s = pipeline.run(pipeline.createJobs(), mine, st -> { });
      if (s.failed() > 0) {
        s.failures().forEach(f -> err.println("bench batch: FAILED " + f.input() + ": " + f.reason()));
        return BatchCommand.SOME_FAILED;
      }
      rows.add(new Row(kind, kind == BackendKind.CUDA ? gpus.toString() : "-", s));
    }
    report(out, rows, photo, threads);
    return 0;
  }

  /** One measured backend. */
  private record Row(BackendKind kind, String devices, BatchStats stats) {
  }

  private void report(PrintWriter out, List<Row> rows, Size photo, int threads) {
    out.printf(Locale.ROOT, "%d JPEGs of %s (quality 90) -> Lanczos to %d wide, contrast, saturation, watermark, "
        + "JPEG 90; %d decode + %d encode threads, %d CPUs%n", count, photo, width, threads, threads,
        Runtime.getRuntime().availableProcessors());
    for (Row r : rows) {
      out.println("- " + r.kind().id() + ": " + JImageCuda.describe(r.kind()));
    }
    out.println();
    out.println("| backend | devices | images/s | wall s | decode ms | upload ms | recipe ms | download ms "
        + "| encode+write ms | CPU decode busy | device busy (recipe) | device waiting | vs cpu |");
    out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    double cpuRate = rows.stream().filter(r -> r.kind() == BackendKind.CPU).mapToDouble(r -> r.stats().imagesPerSecond())
        .findFirst().orElse(Double.NaN);
    for (Row r : rows) {
      BatchStats s = r.stats();
      int n = Math.max(1, s.done());
      out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.1f | %.0f %% | %.0f %% | %.0f %% | %s |%n",
          r.kind().id(), r.devices(), s.imagesPerSecond(), s.seconds(),
          ms(s, BatchStats.Stage.DECODE, n), ms(s, BatchStats.Stage.UPLOAD, n), ms(s, BatchStats.Stage.GPU, n),
          ms(s, BatchStats.Stage.DOWNLOAD, n), ms(s, BatchStats.Stage.ENCODE, n) + ms(s, BatchStats.Stage.WRITE, n),
          100 * s.share(BatchStats.Stage.DECODE), 100 * s.share(BatchStats.Stage.GPU), 100 * s.workerIdleShare(),
          Double.isNaN(cpuRate) ? "-" : String.format(Locale.ROOT, "%.1f×", s.imagesPerSecond() / cpuRate));
    }
    out.println();
    out.println("Stage times are busy milliseconds per image (summed over threads); shares are of the threads' "
        + "wall time. \"device waiting\": the device workers' time waiting for decoded images.");
    for (Row r : rows) {
      out.println("- " + r.kind().id() + " images per device: " + r.stats().perDeviceLine());
    }
    out.flush();
  }

  private static double ms(BatchStats s, BatchStats.Stage stage, int n) {
    return s.busyNanos(stage) / 1e6 / n;
  }

  // ---------------------------------------------------------------- the corpus

  /**
   * Makes {@code count} photo-like JPEGs in {@code corpus} unless a corpus of the same parameters is
   * there. Pictures are made on the default backend; JPEG encoding runs on {@code threads} threads.
   *
   * @return whether it generated (false: reused)
   */
  private boolean generate(Path corpus, Size photo, int threads, PrintWriter err) throws Exception {
    Path marker = corpus.resolve(".corpus");
    String id = count + " " + photo + " " + seed + " v1";
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(id)) {
      return false;
    }
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> old = Files.walk(corpus)) {
        for (Path p : (Iterable<Path>) old.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(corpus);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        HostImage pixels = photo(photo, seed * 1_000_003L + i);
        Path file = corpus.resolve(String.format(Locale.ROOT, "photo-%04d.jpg", i));
        writes.add(pool.submit(() -> {
          BatchPipeline.writeAtomically(file, Images.encode(pixels, "jpg", 90));
          return null;
        }));
        if (writes.size() >= 2 * threads) {
          writes.remove(0).get();
        }
        if ((i + 1) % 50 == 0) {
          err.println("bench batch: generated " + (i + 1) + "/" + count);
        }
      }
      for (Future<?> f : writes) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Files.writeString(marker, id);
    return true;
  }

  /** A landscape: Perlin terrain in earth colours under a sky gradient with a soft sun; all from {@code seed}. */
  static HostImage photo(Size size, long seed) {
    Random r = new Random(seed);
    int w = size.width();
    int h = size.height();
    try (Image img = new Image(w, h); Image sky = new Image(w, Math.max(1, h * 2 / 5));
        Image sun = new Image(Math.max(2, w / 6), Math.max(2, w / 6))) {
      Rgba low = Rgba.rgb(0.15f + 0.2f * r.nextFloat(), 0.25f + 0.25f * r.nextFloat(), 0.08f + 0.1f * r.nextFloat());
      Rgba high = Rgba.rgb(0.55f + 0.3f * r.nextFloat(), 0.5f + 0.3f * r.nextFloat(), 0.3f + 0.3f * r.nextFloat());
      Fill.perlin(img, new Fill.Perlin(w / (3f + 4 * r.nextFloat()), r.nextInt(100_000), 6, 0.55f, 2.1f,
          r.nextInt(10_000), r.nextInt(10_000), low, high));
      Fill.gradient(sky, Rgba.rgb(0.2f + 0.2f * r.nextFloat(), 0.4f + 0.2f * r.nextFloat(), 0.85f),
          Rgba.of(0.85f, 0.9f, 0.95f, 0.0f), GradientDirection.VERTICAL);
      Blend.normal(img, sky);
      Fill.circle(sun, new Fill.Circle(Rgba.rgb(1f, 0.95f, 0.7f), Rgba.TRANSPARENT, 0.6f));
      Blend.normal(img, sun, new Blend.Layer(Anchor.TOP_LEFT, r.nextInt(Math.max(1, w - sun.width())),
          r.nextInt(Math.max(1, h / 4)), 0.8f));
      Adjust.saturation(img, 0.8f + 0.4f * r.nextFloat());
      return Images.toHostImage(img);
    }
  }

  /** A translucent white disc over a soft dark badge: 240 × 96. */
  static void writeWatermark(Path file) throws IOException {
    try (Image mark = new Image(240, 96); Image disc = new Image(80, 80)) {
      Fill.gradient(mark, Rgba.of(0, 0, 0, 0.55f), Rgba.of(0, 0, 0, 0.15f), GradientDirection.HORIZONTAL);
      Fill.circle(disc, new Fill.Circle(Rgba.WHITE, Rgba.TRANSPARENT, 0.1f));
      Blend.normal(mark, disc, new Blend.Layer(Anchor.CENTER_LEFT, 8, 0, 0.9f));
      BatchPipeline.writeAtomically(file, Images.encode(mark, "png", Images.Save.DEFAULTS));
    }
  }

  /** The job a test uses to check the recipe: parses and runs on {@code backend}. */
  static RecipeJob job(Path root, int width, BackendKind backend) throws IOException {
    writeWatermark(root.resolve("watermark.png"));
    Recipe recipe = RecipeParser.parse(String.format(Locale.ROOT, RECIPE, width));
    return new RecipeJob(recipe, root, backend);
  }
}
