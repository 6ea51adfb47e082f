package io.jimagecuda.spark;

import io.jimagecuda.HostImage;
import io.jimagecuda.Images;
import io.jimagecuda.recipe.RecipeJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one partition: chooses the task's backend once ({@link GpuAssignment}), takes the executor's
 * job for that device and recipe ({@link ExecutorJobs}) and renders each input row. Rows in
 * ({@code path}, {@code content}), rows out in {@link JImageCudaSpark#resultSchema()}.
 */
final class RecipePartitions implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RecipePartitions.class);

  private final String recipeJson;
  private final String format;
  private final int quality;
  private final JImageCudaSpark.BackendChoice backend;
  private final @Nullable String assetsDirectory;
  private final List<String> localModeGpus;

  /**
   * @param recipeJson the recipe, checked on the driver
   * @param format the output format, checked and normalised
   * @param quality the JPEG quality, checked
   * @param backend where the images run
   * @param assetsDirectory the directory of the recipe's files on the executors, or null for SparkFiles'
   * @param localModeGpus the driver's GPU addresses in local mode, else empty
   */
  RecipePartitions(String recipeJson, String format, int quality, JImageCudaSpark.BackendChoice backend,
      @Nullable String assetsDirectory, List<String> localModeGpus) {
    this.recipeJson = recipeJson;
    this.format = format;
    this.quality = quality;
    this.backend = backend;
    this.assetsDirectory = assetsDirectory;
    this.localModeGpus = localModeGpus;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    TaskContext task = TaskContext.get();
    Map<String, ResourceInformation> resources = task == null ? Map.of() : task.resourcesJMap();
    int partition = task == null ? 0 : task.partitionId();
    TaskDevice device = GpuAssignment.choose(resources, localModeGpus, partition, backend,
        CudaState::current);
    if (task != null) {
      LOG.info("jimagecuda-spark: stage {} partition {} (task {}) runs on {}: {}", task.stageId(), partition,
          task.taskAttemptId(), device.label(), device.reason());
    }
    RecipeJob job = ExecutorJobs.job(device, recipeJson, assets());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return render(job, device, rows.next());
      }
    };
  }

  private Path assets() {
    return Path.of(assetsDirectory != null ? assetsDirectory : SparkFiles.getRootDirectory());
  }

  /** One input row to one result row; a failure becomes the error column. */
  private Row render(RecipeJob job, TaskDevice device, Row row) {
    @Nullable String path = row.isNullAt(0) ? null : row.getString(0);
    if (row.isNullAt(1)) {
      return failed(path, format, device, "the content column is null");
    }
    byte[] content = (byte[]) row.get(1);
    try {
      HostImage out = job.render(Images.decode(content, RecipeJob.INPUT_AUTOROTATE));
      byte[] encoded = Images.encode(out, format, quality);
      return RowFactory.create(path, encoded, out.width(), out.height(), format, device.label(), null);
    } catch (IOException | RuntimeException e) {
      LOG.warn("jimagecuda-spark: {} failed: {}", path, describe(e));
      return failed(path, format, device, describe(e));
    }
  }

  private static Row failed(@Nullable String path, String format, TaskDevice device, String error) {
    return RowFactory.create(path, null, null, null, format, device.label(), error);
  }

  /** {@code "SimpleName: message"}, the causes' messages appended when they add something. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage());
    }
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ")
            .append(cause.getMessage()).append(')');
      }
    }
    return text.toString();
  }
}
