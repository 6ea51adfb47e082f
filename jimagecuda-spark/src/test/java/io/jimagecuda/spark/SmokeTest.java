package io.jimagecuda.spark;

import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void sparkStarts() {
    SparkSession s = SparkSession.builder().master("local[4]").config("spark.ui.enabled", "false")
        .config("spark.driver.resource.gpu.amount", "2")
        .config("spark.driver.resource.gpu.discoveryScript", "/tmp/fakegpu.sh")
        .config("spark.executor.resource.gpu.amount", "2")
        .config("spark.task.resource.gpu.amount", "0.5")
        .getOrCreate();
    try {
      List<String> r = s.range(0, 16, 1, 8).mapPartitions((MapPartitionsFunction<Long, String>) it -> {
        TaskContext t = TaskContext.get();
        return List.of(t.partitionId() + " " + t.resourcesJMap()).iterator();
      }, Encoders.STRING()).collectAsList();
      System.out.println("RESULT " + r);
    } finally {
      s.stop();
    }
  }
}
