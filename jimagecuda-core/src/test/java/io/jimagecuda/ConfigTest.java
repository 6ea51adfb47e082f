package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings: invalid values name the setting and the accepted values, and never poison the process. */
class ConfigTest {
  private static <T> IllegalArgumentException invalid(String property, String value, Supplier<T> read) {
    String before = System.getProperty(property);
    System.setProperty(property, value);
    try {
      return assertThrows(IllegalArgumentException.class, read::get);
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  @Test
  void cpuThreadsOutOfRangeNamesTheSettingAndTheRange() {
    String m = invalid("jimagecuda.cpu.threads", "100000", Config::cpuThreads).getMessage();
    assertEquals("Invalid setting jimagecuda.cpu.threads (system property): must be an integer in 1..1024 "
        + "(threads of the CPU backend), got '100000'", m);
    assertTrue(invalid("jimagecuda.cpu.threads", "0", Config::cpuThreads).getMessage().contains("1..1024"));
    assertTrue(invalid("jimagecuda.cpu.threads", "abc", Config::cpuThreads).getMessage().contains("'abc'"));
  }

  @Test
  void everySettingNamesItselfAndWhatItAccepts() {
    assertTrue(invalid("jimagecuda.cuda.device", "-1", Config::cudaDevice).getMessage()
        .contains("jimagecuda.cuda.device (system property): must be a device ordinal, an integer >= 0, got '-1'"));
    assertTrue(invalid("jimagecuda.backend", "gpu", Config::requestedBackend).getMessage()
        .contains("jimagecuda.backend (system property): must be cpu or cuda, got 'gpu'"));
    assertTrue(invalid("jimagecuda.gl.semaphores", "maybe", Config::glSemaphores).getMessage()
        .contains("jimagecuda.gl.semaphores (system property): must be true or false (or 1, 0), got 'maybe'"));
    assertTrue(invalid("jimagecuda.gl.threadedOptimizationsFix", "yes", Config::glThreadedOptimizationsFix)
        .getMessage().contains("jimagecuda.gl.threadedOptimizationsFix"));
    assertTrue(invalid("jimagecuda.debug", "on", Config::debug).getMessage().contains("jimagecuda.debug"));
  }

  @Test
  void validValuesAreAccepted() {
    System.setProperty("jimagecuda.gl.semaphores", " FALSE ");
    try {
      assertFalse(Config.glSemaphores());
    } finally {
      System.clearProperty("jimagecuda.gl.semaphores");
    }
    assertTrue(Config.glSemaphores());
    assertTrue(Config.cpuThreads() >= 1 && Config.cpuThreads() <= Config.MAX_CPU_THREADS);
  }

  /**
   * {@code JIMAGECUDA_CPU_THREADS=abc} in a fresh JVM (the CPU backend is created once per process): every
   * image reports the same clear error, not {@code ExceptionInInitializerError} and then
   * {@code NoClassDefFoundError}; once the setting is corrected, images work.
   */
  @Test
  void anInvalidThreadCountDoesNotPoisonTheProcess(@TempDir Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(JavaProcess.java(), "-cp", System.getProperty("java.class.path"),
        Child.class.getName()).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    pb.environment().put("JIMAGECUDA_CPU_THREADS", "abc");
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child timed out");
    List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
    String expected = "java.lang.IllegalArgumentException: Invalid setting JIMAGECUDA_CPU_THREADS (environment "
        + "variable): must be an integer in 1..1024 (threads of the CPU backend), got 'abc'";
    assertEquals(List.of(expected, expected, "ok 2x2"), lines, String.join("\n", lines));
    assertEquals(0, p.exitValue());
  }

  /** Run by {@link #anInvalidThreadCountDoesNotPoisonTheProcess} in a child JVM. */
  static final class Child {
    public static void main(String[] args) {
      for (int i = 0; i < 2; i++) {
        try (Image img = new Image(2, 2, BackendKind.CPU)) {
          System.out.println("unexpected: " + img);
        } catch (Throwable t) {
          System.out.println(t);
        }
      }
      System.setProperty("jimagecuda.cpu.threads", "2"); // the property wins over the variable
      try (Image img = new Image(2, 2, BackendKind.CPU)) {
        System.out.println("ok " + img.width() + "x" + img.height());
      }
    }
  }
}
