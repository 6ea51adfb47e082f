package io.jimagecuda.jmh;

import io.jimagecuda.JImageCuda;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks with JMH's usual command-line options ({@code -f 1 -wi 3 -i 5 -p size=3840x2160},
 * {@code -h} lists them); unless {@code -p backend=...} is given, on the CPU and, where CUDA is available,
 * on CUDA. See docs/benchmarks.md.
 */
public final class Benchmarks {
  private Benchmarks() {
  }

  /**
   * Runs the benchmarks.
   *
   * @param args JMH's command-line options
   * @throws RunnerException if a benchmark fails
   * @throws CommandLineOptionException if an option is not JMH's
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cli);
    if (!cli.getParameter("backend").hasValue()) {
      if (JImageCuda.isCudaAvailable()) {
        options.param("backend", "cpu", "cuda");
      } else {
        System.out.println("# CUDA is not available (" + JImageCuda.cudaStatus() + "): CPU only");
        options.param("backend", "cpu");
      }
    }
    if (cli.getIncludes().isEmpty()) {
      options.include(OpsBenchmark.class.getName());
    }
    Options built = options.build();
    new Runner(built).run();
  }
}
