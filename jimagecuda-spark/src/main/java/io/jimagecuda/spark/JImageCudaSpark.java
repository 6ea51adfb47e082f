package io.jimagecuda.spark;

import io.jimagecuda.Images;
import io.jimagecuda.recipe.OpRegistry;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeException;
import io.jimagecuda.recipe.RecipeParser;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import scala.Option;

/**
 * Applies a recipe to every image of a Spark DataFrame: the images of Spark's {@code binaryFile} source
 * ({@code spark.read().format("binaryFile").load(...)}, columns {@code path} and {@code content}) or any
 * binary column of encoded image files. The result has one row per input row, in the columns of
 * {@link #resultSchema()}: the encoded output, its size, and an error for each input that failed (a corrupt
 * file fails its row, never the job).
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").load("hdfs:///photos/*.jpg");
 * Dataset<Row> thumbs = JImageCudaSpark.applyRecipe(images, Files.readString(Path.of("thumbnail.json")),
 *     JImageCudaSpark.Options.DEFAULTS.withFormat("jpg").withQuality(90));
 * thumbs.filter("error IS NOT NULL").select("path", "error").show(false);
 * }</pre>
 *
 * <p><b>GPUs.</b> Each task runs on the GPU Spark assigned to it ({@code spark.executor.resource.gpu.amount},
 * {@code spark.task.resource.gpu.amount}, the discovery script {@code getGpusResources.sh} shipped in this
 * jar), through the CUDA backend bound to that device; a task without a GPU, or on an executor where CUDA
 * cannot run, uses the CPU backend and says why in the executor log. In local mode, where Spark gives tasks
 * no resources, the partitions share the GPUs given to the driver ({@code spark.driver.resource.gpu.amount}).
 * The {@code backend} column tells where each image ran.
 *
 * <p><b>Executors.</b> The work of a partition runs on one reusable job per executor JVM, device and
 * recipe: the recipe's constant images (a watermark) are decoded once per executor, not per input, and
 * each GPU is started once. Those images are freed when the executor's JVM exits.
 *
 * <p><b>The recipe.</b> A JSON recipe that loads {@code "$input"} (see the recipe format); the images it
 * loads from files are read on the executors from {@link Options#assetsDirectory()}, by default the
 * directory where {@code spark-submit --files} and {@code SparkContext.addFile} put files.
 */
public final class JImageCudaSpark {
  /** Result column: the input's path (string; null when the input has no path column). */
  public static final String PATH = "path";
  /** Result column: the encoded output file (binary; null on error). */
  public static final String CONTENT = "content";
  /** Result column: the output's width in pixels (int; null on error). */
  public static final String WIDTH = "width";
  /** Result column: the output's height in pixels (int; null on error). */
  public static final String HEIGHT = "height";
  /** Result column: the output format, as {@link Options#format()} (string). */
  public static final String FORMAT = "format";
  /** Result column: where the image ran, {@code "cuda:N"} or {@code "cpu"} (string). */
  public static final String BACKEND = "backend";
  /** Result column: why the input failed, {@code "ExceptionName: message"} (string; null on success). */
  public static final String ERROR = "error";

  private static final Set<String> FORMATS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

  private static final StructType RESULT_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField(PATH, DataTypes.StringType, true),
      DataTypes.createStructField(CONTENT, DataTypes.BinaryType, true),
      DataTypes.createStructField(WIDTH, DataTypes.IntegerType, true),
      DataTypes.createStructField(HEIGHT, DataTypes.IntegerType, true),
      DataTypes.createStructField(FORMAT, DataTypes.StringType, false),
      DataTypes.createStructField(BACKEND, DataTypes.StringType, false),
      DataTypes.createStructField(ERROR, DataTypes.StringType, true)});

  private JImageCudaSpark() {
  }

  /** Where the images of a task run. */
  public enum BackendChoice {
    /** The GPU Spark assigned to the task when CUDA runs there, else the CPU backend (logged). */
    AUTO,
    /** Always the CPU backend, whatever Spark assigned. */
    CPU,
    /** The GPU Spark assigned to the task; a task without one, or where CUDA cannot run, fails. */
    GPU
  }

  /**
   * How {@link #applyRecipe(Dataset, String, Options)} reads its input and encodes its output.
   *
   * @param contentColumn the binary column of encoded image files ({@code "content"} for
   *     {@code binaryFile})
   * @param pathColumn the string column copied to the result's {@code path} column ({@code "path"} for
   *     {@code binaryFile}); {@code null} when the input has none
   * @param format the output format: {@code png}, {@code jpg}/{@code jpeg}, {@code bmp} or
   *     {@code tif}/{@code tiff}
   * @param quality JPEG quality 1..100, or {@link Images.Save#ENCODER_DEFAULT_QUALITY}
   * @param backend where the images run
   * @param assetsDirectory the directory, on every executor, that the recipe's {@code {"load": file}}
   *     images are read from; {@code null}: the directory of {@code spark-submit --files}
   *     ({@code SparkFiles.getRootDirectory()})
   */
  public record Options(String contentColumn, @Nullable String pathColumn, String format, int quality,
      BackendChoice backend, @Nullable String assetsDirectory) {
    /** The {@code binaryFile} columns, PNG output, the encoder's default quality, {@link BackendChoice#AUTO}. */
    public static final Options DEFAULTS = new Options("content", "path", "png",
        Images.Save.ENCODER_DEFAULT_QUALITY, BackendChoice.AUTO, null);

    /**
     * {@return a copy reading the encoded images from column {@code column}}
     *
     * @param column a binary column of the input
     */
    public Options withContentColumn(String column) {
      return new Options(column, pathColumn, format, quality, backend, assetsDirectory);
    }

    /**
     * {@return a copy copying column {@code column} to the result's path column}
     *
     * @param column a string column of the input, or {@code null} for none
     */
    public Options withPathColumn(@Nullable String column) {
      return new Options(contentColumn, column, format, quality, backend, assetsDirectory);
    }

    /**
     * {@return a copy with another output format}
     *
     * @param format {@code png}, {@code jpg}/{@code jpeg}, {@code bmp} or {@code tif}/{@code tiff}
     */
    public Options withFormat(String format) {
      return new Options(contentColumn, pathColumn, format, quality, backend, assetsDirectory);
    }

    /**
     * {@return a copy with another JPEG quality}
     *
     * @param quality 1..100, or {@link Images.Save#ENCODER_DEFAULT_QUALITY}
     */
    public Options withQuality(int quality) {
      return new Options(contentColumn, pathColumn, format, quality, backend, assetsDirectory);
    }

    /**
     * {@return a copy with another backend choice}
     *
     * @param backend where the images run
     */
    public Options withBackend(BackendChoice backend) {
      return new Options(contentColumn, pathColumn, format, quality, backend, assetsDirectory);
    }

    /**
     * {@return a copy reading the recipe's files from another directory}
     *
     * @param directory a directory present on every executor, or {@code null} for the directory of
     *     {@code spark-submit --files}
     */
    public Options withAssetsDirectory(@Nullable String directory) {
      return new Options(contentColumn, pathColumn, format, quality, backend, directory);
    }
  }

  /**
   * {@return the columns of the result: path, content, width, height, format, backend, error} See the
   * column constants ({@link #PATH} ...).
   */
  public static StructType resultSchema() {
    return RESULT_SCHEMA;
  }

  /**
   * Applies {@code recipeJson} to each image of {@code images} with {@link Options#DEFAULTS}: the
   * {@code binaryFile} columns, PNG output.
   *
   * @param images the input, with the columns {@code path} and {@code content}
   * @param recipeJson the recipe; it loads {@code "$input"}
   * @return the result, lazily computed, in the columns of {@link #resultSchema()}
   * @throws RecipeException if the recipe is not valid, does not load {@code "$input"}, or uses an op
   *     this build does not implement
   * @throws IllegalArgumentException if a column is missing or of the wrong type
   */
  public static Dataset<Row> applyRecipe(Dataset<Row> images, String recipeJson) {
    return applyRecipe(images, recipeJson, Options.DEFAULTS);
  }

  /**
   * Applies {@code recipeJson} to each image of {@code images}: one result row per input row, computed
   * lazily by Spark (nothing runs until an action). An input that cannot be decoded or processed gives a
   * row with the {@code error} column set and no content.
   *
   * @param images the input, with the columns named by {@code options}
   * @param recipeJson the recipe; it loads {@code "$input"}
   * @param options the columns, output format and backend
   * @return the result, in the columns of {@link #resultSchema()}
   * @throws NullPointerException if an argument is null
   * @throws RecipeException if the recipe is not valid, does not load {@code "$input"}, or uses an op
   *     this build does not implement
   * @throws IllegalArgumentException if a column is missing or of the wrong type, or the format or
   *     quality is not supported
   */
  public static Dataset<Row> applyRecipe(Dataset<Row> images, String recipeJson, Options options) {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(recipeJson, "recipeJson");
    Objects.requireNonNull(options, "options");
    checkRecipe(recipeJson);
    String format = checkFormat(options.format(), options.quality());
    StructType schema = images.schema();
    checkColumn(schema, options.contentColumn(), "content", DataTypes.BinaryType);
    Column path;
    if (options.pathColumn() != null) {
      checkColumn(schema, options.pathColumn(), "path", DataTypes.StringType);
      path = images.col(options.pathColumn());
    } else {
      path = functions.lit(null).cast(DataTypes.StringType);
    }
    Dataset<Row> input = images.select(path, images.col(options.contentColumn()));
    RecipePartitions work = new RecipePartitions(recipeJson, format, options.quality(), options.backend(),
        options.assetsDirectory(), localModeGpus(images.sparkSession().sparkContext()));
    return input.mapPartitions(work, Encoders.row(RESULT_SCHEMA));
  }

  /**
   * Parses the recipe on the driver, so that a bad recipe fails here rather than in every task.
   *
   * @return the parsed recipe
   */
  static Recipe checkRecipe(String recipeJson) {
    Recipe recipe = RecipeParser.parse(recipeJson);
    if (!recipe.usesInput()) {
      throw new RecipeException("recipe '" + recipe.name() + "' does not load \"" + Recipe.INPUT + "\": "
          + "every image would give the same output; name the input image {\"load\": \"" + Recipe.INPUT + "\"}");
    }
    OpRegistry.standard().unimplemented(recipe).ifPresent(message -> {
      throw new RecipeException(message);
    });
    return recipe;
  }

  /** The format in lower case, without a leading dot; checks it and the quality. */
  static String checkFormat(String format, int quality) {
    Objects.requireNonNull(format, "format");
    String f = format.trim().toLowerCase(Locale.ROOT);
    if (f.startsWith(".")) {
      f = f.substring(1);
    }
    if (!FORMATS.contains(f)) {
      throw new IllegalArgumentException("JImageCudaSpark: output format '" + format + "' is not supported: "
          + "use png, jpg, bmp or tif");
    }
    if (quality != Images.Save.ENCODER_DEFAULT_QUALITY && (quality < 1 || quality > 100)) {
      throw new IllegalArgumentException("JImageCudaSpark: quality must be 1..100 or "
          + "Images.Save.ENCODER_DEFAULT_QUALITY (" + Images.Save.ENCODER_DEFAULT_QUALITY + "), got " + quality);
    }
    return f;
  }

  private static void checkColumn(StructType schema, String name, String role,
      org.apache.spark.sql.types.DataType type) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException("JImageCudaSpark: the input has no " + role + " column '" + name
          + "'; its columns are " + Arrays.toString(schema.fieldNames())
          + " (Options.with" + (role.equals("path") ? "PathColumn" : "ContentColumn") + " names another)");
    }
    org.apache.spark.sql.types.DataType actual = schema.apply(name).dataType();
    if (!actual.equals(type)) {
      throw new IllegalArgumentException("JImageCudaSpark: the " + role + " column '" + name + "' is "
          + actual.simpleString() + ", not " + type.simpleString());
    }
  }

  /** The driver's GPU addresses in local mode (where tasks get no resources of their own), else none. */
  private static List<String> localModeGpus(SparkContext context) {
    if (!context.isLocal()) {
      return List.of();
    }
    Option<ResourceInformation> gpu = context.resources().get(GpuAssignment.GPU);
    return gpu.isDefined() ? List.of(gpu.get().addresses()) : List.of();
  }
}
