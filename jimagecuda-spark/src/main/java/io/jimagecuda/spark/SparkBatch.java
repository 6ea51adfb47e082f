package io.jimagecuda.spark;

import io.jimagecuda.Images;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jimagecuda batch} command on a Spark cluster: applies a recipe to image files and writes one
 * output file per input, named after it, plus a failures report. Submitted with {@code spark-submit}:
 *
 * <pre>
 * spark-submit --class io.jimagecuda.spark.SparkBatch [Spark options] jimagecuda-spark.jar \
 *     RECIPE INPUT... --out DIR [--format png|jpg|bmp|tif] [--quality 1..100] [--backend auto|cpu|gpu]
 *     [--assets DIR] [--partitions N] [--overwrite]
 * </pre>
 *
 * <p>Inputs and the output directory are Hadoop paths ({@code hdfs://}, {@code s3a://}, {@code file:} on
 * a file system every executor sees); inputs are files, directories (their image files, recursively,
 * sub-directories mirrored) and glob patterns, named as the single-machine command names them. The
 * executors write the outputs, each to a temporary name renamed when complete, so that no partial file is
 * left; existing outputs are skipped unless {@code --overwrite}. The recipe's own files (a watermark) are
 * shipped to the executors with {@code SparkContext.addFile}, unless {@code --assets} names a directory
 * every executor sees. Failed inputs are listed, with the reason, in {@code DIR/_failures.tsv}; the
 * exit status is that of {@code jimagecuda batch}: 0 when every input was written or skipped, 4 when
 * some failed (the others were written), 2 for a usage error (nothing processed).
 */
public final class SparkBatch {
  /** Name of the failures report in the output directory (a hidden file for Spark and Hadoop readers). */
  public static final String FAILURES_REPORT = "_failures.tsv";

  /** Exit status when some inputs failed and the others were written (as {@code jimagecuda batch}). */
  public static final int SOME_FAILED = 4;

  private static final String USAGE = "usage: SparkBatch RECIPE INPUT... --out DIR [--format png|jpg|bmp|tif] "
      + "[--quality 1..100] [--backend auto|cpu|gpu] [--assets DIR] [--partitions N] [--overwrite]";

  private SparkBatch() {
  }

  /** The command line, parsed. */
  record Args(java.nio.file.Path recipe, List<String> inputs, String out, String format, int quality,
      JImageCudaSpark.BackendChoice backend, @Nullable String assets, int partitions, boolean overwrite) {

    static Args parse(String[] args) {
      List<String> positional = new ArrayList<>();
      String out = null;
      String format = "png";
      int quality = Images.Save.ENCODER_DEFAULT_QUALITY;
      JImageCudaSpark.BackendChoice backend = JImageCudaSpark.BackendChoice.AUTO;
      String assets = null;
      int partitions = 0;
      boolean overwrite = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--out", "-o" -> out = value(args, ++i, a);
          case "--format" -> format = value(args, ++i, a);
          case "--quality" -> quality = integer(value(args, ++i, a), a);
          case "--backend" -> backend = backend(value(args, ++i, a));
          case "--assets" -> assets = value(args, ++i, a);
          case "--partitions" -> partitions = integer(value(args, ++i, a), a);
          case "--overwrite" -> overwrite = true;
          default -> {
            if (a.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
            positional.add(a);
          }
        }
      }
      if (positional.size() < 2) {
        throw new IllegalArgumentException("give the recipe file and at least one input");
      }
      if (out == null) {
        throw new IllegalArgumentException("give the output directory with --out DIR");
      }
      if (partitions < 0) {
        throw new IllegalArgumentException("--partitions must be positive, got " + partitions);
      }
      return new Args(java.nio.file.Path.of(positional.get(0)), List.copyOf(positional.subList(1, positional.size())),
          out, format, quality, backend, assets, partitions, overwrite);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int integer(String value, String option) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'");
      }
    }

    static JImageCudaSpark.BackendChoice backend(String value) {
      try {
        return JImageCudaSpark.BackendChoice.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--backend must be auto, cpu or gpu, got '" + value + "'");
      }
    }
  }

  /**
   * Runs the command in a new or the active Spark session and exits with its status.
   *
   * @param args the command line (see the class description)
   */
  public static void main(String[] args) {
    int status = run(args, null, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the command.
   *
   * @param args the command line
   * @param session the session to use, or {@code null} to create one (and stop it at the end)
   * @param out where the summary goes
   * @param err where errors and notes go
   * @return 0 when every input was written or skipped, {@link #SOME_FAILED} when some failed, 2 for a usage
   *     error
   */
  static int run(String[] args, @Nullable SparkSession session, PrintStream out, PrintStream err) {
    Args a;
    String recipeJson;
    try {
      a = Args.parse(args);
      if (!Files.isRegularFile(a.recipe())) {
        throw new IllegalArgumentException("recipe file " + a.recipe() + " does not exist");
      }
      recipeJson = Files.readString(a.recipe());
      JImageCudaSpark.checkFormat(a.format(), a.quality());
      JImageCudaSpark.checkRecipe(recipeJson);
    } catch (IllegalArgumentException | RecipeException | IOException e) {
      err.println("SparkBatch: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    SparkSession spark = session != null ? session : SparkSession.builder().appName("jimagecuda-spark batch")
        .getOrCreate();
    try {
      return run(a, recipeJson, spark, out, err);
    } catch (IllegalArgumentException | RecipeException e) {
      err.println("SparkBatch: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("SparkBatch: " + e);
      return 2;
    } finally {
      if (session == null) {
        spark.stop();
      }
    }
  }

  private static int run(Args a, String recipeJson, SparkSession spark, PrintStream out, PrintStream err)
      throws IOException {
    Recipe recipe = JImageCudaSpark.checkRecipe(recipeJson);
    String format = JImageCudaSpark.checkFormat(a.format(), a.quality());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path outDir = new Path(a.out());
    outDir = outDir.getFileSystem(conf).makeQualified(outDir);
    try (FileSystem outFs = withoutChecksumFiles(outDir, conf)) {
      return run(a, recipeJson, recipe, format, outDir, outFs, spark, out, err);
    }
  }

  private static int run(Args a, String recipeJson, Recipe recipe, String format, Path outDir, FileSystem outFs,
      SparkSession spark, PrintStream out, PrintStream err) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String extension = format.equals("jpeg") ? "jpg" : format.equals("tiff") ? "tif" : format;
    if (a.assets() == null) {
      shipRecipeFiles(recipe, a.recipe(), spark);
    }

    OutputNames names = OutputNames.expand(a.inputs(), outDir, extension, conf);
    names.notes().forEach(note -> err.println("SparkBatch: " + note));
    outFs.mkdirs(outDir);
    outFs.delete(new Path(outDir, FAILURES_REPORT), false);
    Map<String, String> todo = new TreeMap<>();
    int skipped = 0;
    for (Map.Entry<String, String> e : names.outputs().entrySet()) {
      if (!a.overwrite() && outFs.exists(new Path(outDir, e.getValue()))) {
        skipped++;
      } else {
        todo.put(e.getKey(), e.getValue());
      }
    }
    int written = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> backends = new TreeMap<>();
    long start = System.nanoTime();
    if (!todo.isEmpty()) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<Map<String, String>> outputs = jsc.broadcast(todo);
      Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(conf));
      Dataset<Row> images = spark.read().format("binaryFile").load(todo.keySet().toArray(String[]::new));
      int partitions = a.partitions() > 0 ? a.partitions()
          : Math.max(1, Math.min(todo.size(), spark.sparkContext().defaultParallelism() * 2));
      images = images.repartition(partitions);
      JImageCudaSpark.Options options = JImageCudaSpark.Options.DEFAULTS.withFormat(format)
          .withQuality(a.quality()).withBackend(a.backend()).withAssetsDirectory(a.assets());
      Dataset<Row> results = JImageCudaSpark.applyRecipe(images, recipeJson, options);
      List<Row> report = results.mapPartitions(new WriteOutputs(outputs, hadoop, outDir.toString()),
          Encoders.row(WriteOutputs.SCHEMA)).collectAsList();
      for (Row r : report) {
        String error = r.getString(2);
        if (error == null) {
          written++;
        } else {
          failures.add(r.getString(0) + "\t" + error.replace('\t', ' ').replace('\n', ' '));
        }
        backends.merge(r.getString(1), 1, Integer::sum);
      }
      int missing = todo.size() - report.size();
      if (missing > 0) {
        failures.add("(" + missing + " inputs)\tlisted but not read: they vanished or are not files");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      failures.sort(null);
      try (OutputStream report = outFs.create(new Path(outDir, FAILURES_REPORT), true)) {
        report.write(("path\terror\n" + String.join("\n", failures) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    out.printf(Locale.ROOT, "SparkBatch: %d written, %d skipped (exist), %d failed%s in %.1f s: %.1f images/s;"
            + " backends %s%n", written, skipped, failures.size(),
        failures.isEmpty() ? "" : " (see " + new Path(outDir, FAILURES_REPORT) + ")", seconds,
        seconds > 0 ? written / seconds : 0, backends);
    return failures.isEmpty() ? 0 : SOME_FAILED;
  }

  /**
   * A file system of its own for {@code dir} that writes no {@code .crc} side files (Hadoop's local file
   * system writes one per file by default): the output directory holds the outputs only. Close it.
   */
  static FileSystem withoutChecksumFiles(Path dir, Configuration conf) throws IOException {
    FileSystem fs = FileSystem.newInstance(dir.toUri(), conf);
    fs.setWriteChecksum(false);
    return fs;
  }

  /** Ships the recipe's {@code {"load": file}} images to every executor ({@code SparkFiles}). */
  private static void shipRecipeFiles(Recipe recipe, java.nio.file.Path recipeFile, SparkSession spark) {
    java.nio.file.Path dir = recipeFile.toAbsolutePath().getParent();
    for (Recipe.ImageSource source : recipe.images().values()) {
      if (source instanceof Recipe.LoadImage load && !load.isInput()) {
        java.nio.file.Path file = dir.resolve(load.file()).normalize();
        if (!java.nio.file.Path.of(load.file()).getFileName().toString().equals(load.file())) {
          throw new IllegalArgumentException("recipe file '" + load.file() + "' is in a sub-directory: Spark "
              + "ships files by name only; put it next to the recipe, or give --assets DIR, a directory every "
              + "executor sees");
        }
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("recipe file " + file + " does not exist");
        }
        spark.sparkContext().addFile(file.toUri().toString());
      }
    }
  }

  /** Writes each result's content to its output name; rows out: (path, backend, error). */
  static final class WriteOutputs implements org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    static final StructType SCHEMA = new StructType()
        .add("path", DataTypes.StringType, true)
        .add("backend", DataTypes.StringType, false)
        .add("error", DataTypes.StringType, true);

    private final Broadcast<Map<String, String>> outputs;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final String outDir;

    WriteOutputs(Broadcast<Map<String, String>> outputs, Broadcast<SerializableConfiguration> hadoop,
        String outDir) {
      this.outputs = outputs;
      this.hadoop = hadoop;
      this.outDir = outDir;
    }

    @Override
    public java.util.Iterator<Row> call(java.util.Iterator<Row> rows) throws IOException {
      Path dir = new Path(outDir);
      org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
      long attempt = task == null ? 0 : task.taskAttemptId();
      List<Row> report = new ArrayList<>();
      try (FileSystem fs = withoutChecksumFiles(dir, hadoop.value().value())) {
        writeAll(rows, fs, dir, attempt, report);
      }
      return report.iterator();
    }

    private void writeAll(java.util.Iterator<Row> rows, FileSystem fs, Path dir, long attempt, List<Row> report) {
      while (rows.hasNext()) {
        Row r = rows.next();
        // rows of a mapPartitions carry no schema: the columns by position (JImageCudaSpark.resultSchema())
        String path = r.getString(0);
        String backend = r.getString(5);
        String error = r.getString(6);
        if (error == null) {
          String name = outputs.value().get(path);
          try {
            write(fs, new Path(dir, name), (byte[]) r.get(1), attempt);
          } catch (IOException e) {
            error = "could not write " + new Path(dir, name) + ": " + RecipePartitions.describe(e);
          }
        }
        report.add(org.apache.spark.sql.RowFactory.create(path, backend, error));
      }
    }

    /** Writes to a temporary name next to the target, then renames it over the target. */
    private static void write(FileSystem fs, Path target, byte[] content, long attempt) throws IOException {
      Path tmp = new Path(target.getParent(), "." + target.getName() + "." + attempt + ".tmp");
      try {
        try (OutputStream o = fs.create(tmp, true)) {
          o.write(content);
        }
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
          throw new IOException("renaming " + tmp + " to " + target + " failed");
        }
      } finally {
        fs.delete(tmp, false);
      }
    }
  }
}
