package io.jimagecuda.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a new JVM of the JDK the tests run on, with the options the README documents for it,
 * and collects what it printed. Shared with the other modules' tests through core's test jar.
 */
public final class JavaProcess {
  /** What a process printed and returned. */
  public record Result(int exit, String out, String err) {
    /** Everything, for assertion messages. */
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private JavaProcess() {
  }

  /** The {@code java} launcher of the running JDK. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The feature version of the running JDK (17, 21, 25, ...). */
  public static int feature() {
    return Runtime.version().feature();
  }

  /**
   * The JVM options that keep JDK 22+ quiet about LWJGL, as the README gives them: native access for the
   * code that calls native libraries ({@code ALL-UNNAMED} on the class path, LWJGL's modules on the module
   * path) and, from JDK 23 on, LWJGL's memory access through {@code sun.misc.Unsafe}.
   */
  public static List<String> quietOptions(boolean modulePath) {
    List<String> options = new ArrayList<>();
    if (feature() >= 22) {
      // webp.imageio: libwebp, loaded by the WebP writer (an automatic module named after its jar)
      options.add("--enable-native-access=" + (modulePath ? "org.lwjgl,org.lwjgl.opengl,webp.imageio" : "ALL-UNNAMED"));
    }
    if (feature() >= 23) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    return options;
  }

  /**
   * Runs {@code command} in {@code dir} and waits up to {@code seconds} for it; its output goes through
   * the files {@code dir/.stdout} and {@code dir/.stderr}. A process still running then is asked for a
   * thread dump (SIGQUIT, where there are signals), killed, and reported with what it printed: a hang says
   * where it hangs.
   */
  public static Result run(Path dir, List<String> command, int seconds) throws IOException, InterruptedException {
    return run(new ProcessBuilder(command).directory(dir.toFile()), dir, seconds);
  }

  /**
   * Runs {@code main} of a class on this JVM's class path in a new JVM (the README's quiet options, then
   * {@code jvmOptions}) in {@code dir}, as {@link #run(Path, List, int)}.
   */
  public static Result runMain(Path dir, List<String> jvmOptions, Class<?> main, int seconds, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(quietOptions(false));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return run(dir, command, seconds);
  }

  /** {@link #runMain(Path, List, Class, int, String...)} without extra JVM options. */
  public static Result runMain(Path dir, Class<?> main, int seconds, String... args)
      throws IOException, InterruptedException {
    return runMain(dir, List.of(), main, seconds, args);
  }

  /**
   * Starts {@code process} (its own settings kept: environment, directory, merged error stream) with its
   * output going to files, and waits up to {@code seconds} for it, as {@link #run(Path, List, int)}: never
   * blocked by a child that hangs (reading its pipe would wait for ever), and a timeout shows the child's
   * threads.
   */
  public static Result run(ProcessBuilder process, int seconds) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("java-process");
    try {
      return run(process, dir, seconds);
    } finally {
      Files.deleteIfExists(dir.resolve(".stdout"));
      Files.deleteIfExists(dir.resolve(".stderr"));
      Files.deleteIfExists(dir);
    }
  }

  /**
   * How much longer a child may take than its test allows: {@code -Djimagecuda.test.timeoutScale=N} (default
   * 1), for runs where every process is slower, such as under compute-sanitizer (dev/sanitize.sh passes 4).
   */
  private static int timeoutScale() {
    return Math.max(1, Integer.getInteger("jimagecuda.test.timeoutScale", 1));
  }

  private static Result run(ProcessBuilder process, Path dir, int allowed) throws IOException, InterruptedException {
    int seconds = allowed * timeoutScale();
    Path out = dir.resolve(".stdout");
    Path err = dir.resolve(".stderr");
    process.redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    if (!process.redirectErrorStream()) {
      process.redirectError(err.toFile());
    }
    Process p = process.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      if (!System.getProperty("os.name").startsWith("Windows")) {
        new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        p.waitFor(2, TimeUnit.SECONDS); // the JVM prints its threads to stdout
      }
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("timed out after " + seconds + " s: " + process.command() + "\n"
          + tail(new Result(-1, Files.readString(out), read(err)).toString(), 20_000));
    }
    return new Result(p.exitValue(), Files.readString(out), read(err));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static String tail(String s, int chars) {
    return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
