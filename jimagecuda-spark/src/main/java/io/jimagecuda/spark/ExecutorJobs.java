package io.jimagecuda.spark;

import io.jimagecuda.recipe.RecipeJob;
import io.jimagecuda.recipe.RecipeParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipe jobs of this executor JVM, one per device, recipe and assets directory, created on first use
 * and reused by every later task: the device is started once, and the recipe's constant images are
 * decoded once. A shutdown hook closes them when the JVM exits (Spark ends an executor's JVM when the
 * executor ends), freeing their images; the CUDA driver releases the rest of the process's device memory
 * with the process.
 */
final class ExecutorJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorJobs.class);
  private static final Map<Key, RecipeJob> JOBS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorJobs::closeAll, "jimagecuda-spark-release"));
  }

  private ExecutorJobs() {
  }

  private record Key(String device, String recipeJson, Path assets) {
  }

  /**
   * {@return the executor's job for that device, recipe and assets directory, created on first use}
   *
   * @param device where the job's images live
   * @param recipeJson the recipe
   * @param assets the directory its {@code {"load": file}} images are read from
   */
  static RecipeJob job(TaskDevice device, String recipeJson, Path assets) {
    return JOBS.computeIfAbsent(new Key(device.label(), recipeJson, assets), key -> {
      RecipeJob job = new RecipeJob(RecipeParser.parse(recipeJson), assets, device.backend(), device.cudaDevice());
      LOG.info("jimagecuda-spark: started {} on this executor", job);
      return job;
    });
  }

  /** {@return the number of jobs this JVM holds} */
  static int size() {
    return JOBS.size();
  }

  /**
   * Closes every job (frees its cached images) and forgets it; a later task starts a new one. Called by
   * the shutdown hook; tests call it to show that nothing else stays allocated.
   *
   * @return the number of jobs closed
   */
  static int closeAll() {
    List<Key> keys = new ArrayList<>(JOBS.keySet());
    int closed = 0;
    for (Key key : keys) {
      RecipeJob job = JOBS.remove(key);
      if (job != null) {
        job.close();
        closed++;
      }
    }
    return closed;
  }
}
