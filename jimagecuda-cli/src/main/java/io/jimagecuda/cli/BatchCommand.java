package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeJob;
import io.jimagecuda.recipe.RecipeParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda batch RECIPE INPUTS... --out DIR}: applies a recipe that loads {@code "$input"} to
 * every input file, pipelined over CPU threads and one worker per device ({@link BatchPipeline}).
 *
 * <p>Exit codes: 0 every file was written (or skipped because its output exists); 4 some files failed
 * (each is listed with its reason); 2 a user error before any file was processed (arguments, recipe,
 * no input files, unavailable backend or device); 130 interrupted (Ctrl-C) after finishing the files in
 * flight.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Apply a recipe that loads \"$input\" to many image files: decoding and encoding on CPU "
        + "threads, the recipe on the GPU(s), pipelined.",
        "Inputs are files, directories (image files inside, recursively; sub-directories are mirrored under "
            + "--out) and quoted glob patterns ('photos/**/*.jpg'). Each output is named after its input with "
            + "the format's extension; outputs that would collide get -2, -3, ... Existing outputs are skipped "
            + "unless --overwrite. Outputs appear only when complete (written to a hidden temporary file, then "
            + "renamed)."},
    footerHeading = "%nExit codes:%n",
    footer = {"  0    every file written (or skipped: output exists)", "  2    user error, nothing processed",
        "  4    some files failed (listed with their reasons); the others were written",
        "  130  interrupted (Ctrl-C): the files in flight were finished, no partial output left"})
final class BatchCommand implements Callable<Integer> {
  /** Exit code when some files failed and the others were written. */
  static final int SOME_FAILED = 4;
  /** Exit code after Ctrl-C (128 + SIGINT), once the files in flight are written. */
  static final int INTERRUPTED = 130;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe file; it loads \"$input\".")
  Path recipe;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUTS",
      description = "Image files, directories or glob patterns.")
  List<String> inputs;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "The output directory (created if missing).")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "png",
      description = "Output format: png, jpg, bmp or tif (default: ${DEFAULT-VALUE}). WebP is read only.")
  String format;

  @Option(names = "--quality", paramLabel = "Q",
      description = "JPEG quality 1..100 (default: the encoder's, 75; 4:4:4 chroma from 90).")
  Integer quality;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Decode and encode threads (default: the number of CPUs).")
  Integer jobs;

  @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
      description = "The backend (default: CUDA when available, else CPU).")
  BackendKind backend;

  @Option(names = "--devices", paramLabel = "0,1", split = ",",
      description = "CUDA devices, one worker each (default: the configured device). Implies --backend cuda.")
  List<Integer> devices;

  @Option(names = "--inputs", paramLabel = "DIR",
      description = "Where the recipe's other {\"load\": file} images are read from (default: the recipe's "
          + "directory).")
  Path inputsDir;

  @Option(names = "--overwrite", description = "Replace existing outputs instead of skipping them.")
  boolean overwrite;

  @Option(names = "--stats", description = "Print where the time went: busy time and share per stage.")
  boolean stats;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a bar on a terminal, else lines), bar, lines or off (default: ${DEFAULT-VALUE}).")
  BatchProgress.Mode progress;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
      description = "Seconds between progress lines when not on a terminal (default: ${DEFAULT-VALUE}).")
  double progressInterval;

  @Override
  public Integer call() throws IOException, InterruptedException {
    BatchPipeline.Settings settings = settings();
    Recipe r = RecipeParser.parse(recipe);
    if (!r.usesInput()) {
      throw new ParameterException(spec.commandLine(), "the recipe " + recipe + " has no image {\"load\": \""
          + Recipe.INPUT + "\"}, so it would render the same image for every input");
    }
    BatchInputs files = BatchInputs.expand(inputs, out, extensionOf(settings.format()));
    Files.createDirectories(out);
    PrintWriter err = spec.commandLine().getErr();
    files.notes().forEach(n -> err.println("batch: note: " + n));
    Path dir = inputsDir != null ? inputsDir : recipe.toAbsolutePath().getParent();
    BatchPipeline pipeline = new BatchPipeline(r, dir, settings);
    List<RecipeJob> jobsPerDevice = pipeline.createJobs();

    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      pipeline.cancel();
      try {
        finished.await(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "batch-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    BatchStats result;
    try (BatchProgress display = new BatchProgress(err, progress, Math.round(progressInterval * 1000))) {
      result = pipeline.run(jobsPerDevice, files.items(), display::track);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook waits for the summary below
      }
    }
    try {
      return summary(result, pipeline.cancelled());
    } finally {
      finished.countDown();
    }
  }

  private BatchPipeline.Settings settings() {
    BackendKind kind = backend;
    if (devices != null && !devices.isEmpty()) {
      if (kind == BackendKind.CPU) {
        throw new ParameterException(spec.commandLine(), "--devices needs the CUDA backend, not --backend cpu");
      }
      kind = BackendKind.CUDA;
      for (int d : devices) {
        if (d < 0) {
          throw new ParameterException(spec.commandLine(), "--devices: device indices are 0 or more, got " + d);
        }
      }
      if (devices.stream().distinct().count() != devices.size()) {
        throw new ParameterException(spec.commandLine(), "--devices names a device twice: " + devices);
      }
    }
    if (kind == null) {
      kind = JImageCuda.defaultBackend();
    }
    List<Integer> gpus = new ArrayList<>();
    if (kind == BackendKind.CUDA) {
      if (devices != null && !devices.isEmpty()) {
        gpus.addAll(devices);
      } else {
        JImageCuda.describe(BackendKind.CUDA); // the reason, when CUDA cannot run here
        gpus.add(Math.max(0, JImageCuda.cudaDevice()));
      }
    }
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + threads);
    }
    int q = quality != null ? quality : Images.Save.ENCODER_DEFAULT_QUALITY;
    if (quality != null && (q < 1 || q > 100)) {
      throw new ParameterException(spec.commandLine(), "--quality must be in 1..100, got " + q);
    }
    if (progressInterval <= 0) {
      throw new ParameterException(spec.commandLine(), "--progress-interval must be positive, got "
          + progressInterval);
    }
    extensionOf(format);
    return new BatchPipeline.Settings(kind, gpus, threads, format, q, overwrite);
  }

  /** The output extension for {@code --format}, checked by the core's encoder rules. */
  private String extensionOf(String fmt) {
    String f = fmt.trim().toLowerCase(Locale.ROOT);
    f = f.startsWith(".") ? f.substring(1) : f;
    return switch (f) {
      case "png", "bmp" -> f;
      case "jpg", "jpeg" -> "jpg";
      case "tif", "tiff" -> "tif";
      case "webp" -> throw new ParameterException(spec.commandLine(),
          "--format webp: WebP can be read but not written; use png, jpg, bmp or tif");
      default -> throw new ParameterException(spec.commandLine(),
          "--format must be png, jpg, bmp or tif, got '" + fmt + "'");
    };
  }

  private int summary(BatchStats s, boolean interrupted) {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (BatchStats.Failure f : s.failures()) {
      err.println("batch: FAILED " + f.input() + " (" + f.stage() + "): " + f.reason());
    }
    double seconds = s.seconds();
    o.printf(Locale.ROOT, "batch: %d ok, %d skipped (output exists), %d failed%s in %.1f s, %.1f images/s%n",
        s.ok(), s.skipped, s.failed(), interrupted ? ", " + s.notStarted() + " not started (interrupted)" : "",
        seconds, s.imagesPerSecond());
    o.printf(Locale.ROOT, "images per device: %s; %d cpu threads; time split: decode %.0f %%, upload %.0f %%, "
            + "recipe %.0f %%, download %.0f %%, encode %.0f %%, write %.0f %% busy%n", s.perDeviceLine(),
        s.cpuThreads, 100 * s.share(BatchStats.Stage.DECODE), 100 * s.share(BatchStats.Stage.UPLOAD),
        100 * s.share(BatchStats.Stage.GPU), 100 * s.share(BatchStats.Stage.DOWNLOAD),
        100 * s.share(BatchStats.Stage.ENCODE), 100 * s.share(BatchStats.Stage.WRITE));
    if (stats) {
      o.println();
      s.stageTable().forEach(o::println);
    }
    o.flush();
    if (interrupted) {
      return INTERRUPTED;
    }
    return s.failed() > 0 ? SOME_FAILED : 0;
  }
}
