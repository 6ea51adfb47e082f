package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Rgba;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda bench ops}: the median time of every fill op and both conversions on CUDA (when
 * available) and the CPU, their throughput, how close it comes to the backend's copy bandwidth measured in
 * the same run, and the CUDA / CPU speed ratio, as a Markdown table.
 *
 * <p>CUDA ops are asynchronous, so they are timed in batches: {@code --batch} ops, then a synchronize;
 * one sample is the batch's time divided by its size. CPU ops finish before returning and are timed one by
 * one. Each op gets {@value #WARMUP} untimed samples first.
 */
@Command(name = "ops", mixinStandardHelpOptions = true,
    description = "Time every fill op and both conversions on CUDA (if available) and the CPU; print a "
        + "Markdown table of median times, GB/s (bytes read + written), %% of the backend's copy bandwidth "
        + "and the CUDA / CPU speed ratio.")
final class BenchOpsCommand implements Callable<Integer> {
  private static final int WARMUP = 3;
  private static final String COPY = "Images.copy (reference)";

  @Spec
  CommandSpec spec;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "3840x2160",
      description = "Image size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--reps", paramLabel = "N", defaultValue = "10",
      description = "Timed samples per op; the median is reported (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "20",
      description = "CUDA ops per timed batch, followed by one synchronize (default: ${DEFAULT-VALUE}).")
  int batch;

  /** An op under test: its name, the bytes it reads plus writes per pixel, and one call of it. */
  private record Op(String name, int bytesPerPixel, Consumer<Buffers> call) {
  }

  /** The images the ops work on, all of the benchmark's size, on one backend. */
  private static final class Buffers implements AutoCloseable {
    final Image a;
    final Image b;
    final ImageU8 u8;

    Buffers(int w, int h, BackendKind kind) {
      a = new Image(w, h, kind);
      b = new Image(w, h, kind);
      u8 = new ImageU8(w, h, kind);
    }

    @Override
    public void close() {
      a.free();
      b.free();
      u8.free();
    }
  }

  /** The median seconds per op, or why it could not be measured. */
  private record Timing(double seconds, String error) {
    boolean ok() {
      return error == null;
    }
  }

  /** The ops with the reference's default parameters; the copy (the bandwidth reference) first. */
  private static List<Op> ops() {
    return List.of(
        new Op(COPY, 32, b -> Images.copy(b.b, b.a)),
        new Op("fill.color", 16, b -> Fill.color(b.a, new Rgba(0.2f, 0.4f, 0.6f, 1))),
        new Op("fill.gradient", 16, b -> Fill.gradient(b.a, Rgba.BLACK, Rgba.WHITE)),
        new Op("fill.checkerboard", 16, b -> Fill.checkerboard(b.a)),
        new Op("fill.grid", 16, b -> Fill.grid(b.a)),
        new Op("fill.stripes", 16, b -> Fill.stripes(b.a)),
        new Op("fill.dots", 16, b -> Fill.dots(b.a)),
        new Op("fill.circle", 16, b -> Fill.circle(b.a)),
        new Op("fill.noise", 16, b -> Fill.noise(b.a)),
        new Op("fill.perlin", 16, b -> Fill.perlin(b.a)),
        new Op("fill.ngon", 16, b -> Fill.ngon(b.a)),
        new Op("Images.convertFloatToU8", 20, b -> Images.convertFloatToU8(b.u8, b.a)),
        new Op("Images.convertU8ToFloat", 20, b -> Images.convertU8ToFloat(b.b, b.u8)));
  }

  @Override
  public Integer call() {
    Size s = Size.parse(spec, "--size", size, "3840x2160");
    if (reps < 1 || batch < 1) {
      throw new ParameterException(spec.commandLine(), "--reps and --batch must be at least 1");
    }
    int w = s.width();
    int h = s.height();
    List<Op> ops = ops();
    List<BackendKind> kinds = new ArrayList<>();
    if (JImageCuda.isCudaAvailable()) {
      kinds.add(BackendKind.CUDA);
    }
    kinds.add(BackendKind.CPU);

    Map<BackendKind, Map<String, Timing>> results = new EnumMap<>(BackendKind.class);
    for (BackendKind kind : kinds) {
      Map<String, Timing> times = new LinkedHashMap<>();
      try (Buffers buffers = new Buffers(w, h, kind)) {
        for (Op op : ops) {
          spec.commandLine().getErr().printf("bench: %s on %s%n", op.name(), kind.id());
          times.put(op.name(), measure(kind, op, buffers));
        }
      }
      results.put(kind, times);
    }
    print(spec.commandLine().getOut(), w, h, ops, results);
    return 0;
  }

  private Timing measure(BackendKind kind, Op op, Buffers buffers) {
    int perSample = kind == BackendKind.CUDA ? batch : 1;
    try {
      for (int i = 0; i < WARMUP; i++) {
        sample(kind, op, buffers, perSample);
      }
      double[] samples = new double[reps];
      for (int i = 0; i < reps; i++) {
        samples[i] = sample(kind, op, buffers, perSample);
      }
      Arrays.sort(samples);
      return new Timing((samples[(reps - 1) / 2] + samples[reps / 2]) / 2, null);
    } catch (RuntimeException e) {
      return new Timing(Double.NaN, e.toString());
    }
  }

  /** Seconds per op over {@code n} calls, from an idle backend until all of them have finished. */
  private static double sample(BackendKind kind, Op op, Buffers buffers, int n) {
    JImageCuda.synchronize(kind);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      op.call().accept(buffers);
    }
    JImageCuda.synchronize(kind);
    return (System.nanoTime() - start) / 1e9 / n;
  }

  private void print(PrintWriter out, int w, int h, List<Op> ops, Map<BackendKind, Map<String, Timing>> results) {
    long pixels = (long) w * h;
    out.printf(Locale.ROOT, "## Ops at %dx%d: median of %d samples (CUDA: batches of %d ops + synchronize)%n%n",
        w, h, reps, batch);
    for (BackendKind kind : new BackendKind[] {BackendKind.CUDA, BackendKind.CPU}) {
      out.println("- " + kind.id() + ": " + (results.containsKey(kind) ? JImageCuda.describe(kind)
          : "not measured: " + JImageCuda.cudaStatus()));
    }
    out.println();
    out.println("| op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy | CUDA / CPU |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    List<String> errors = new ArrayList<>();
    for (Op op : ops) {
      StringBuilder row = new StringBuilder("| " + op.name());
      for (BackendKind kind : new BackendKind[] {BackendKind.CUDA, BackendKind.CPU}) {
        Map<String, Timing> times = results.get(kind);
        Timing t = times == null ? null : times.get(op.name());
        if (t == null || !t.ok()) {
          row.append(" | – | – | –");
          if (t != null) {
            errors.add(op.name() + " on " + kind.id() + ": " + t.error());
          }
          continue;
        }
        double gbs = op.bytesPerPixel() * pixels / t.seconds() / 1e9;
        Timing copy = times.get(COPY);
        double copyGbs = copy.ok() ? 32 * pixels / copy.seconds() / 1e9 : Double.NaN;
        row.append(String.format(Locale.ROOT, " | %.3f | %.1f | %s", t.seconds() * 1e3, gbs,
            copy.ok() ? String.format(Locale.ROOT, "%.0f %%", 100 * gbs / copyGbs) : "–"));
      }
      row.append(" | ").append(ratio(results, op.name())).append(" |");
      out.println(row);
    }
    if (!errors.isEmpty()) {
      out.println();
      errors.forEach(e -> out.println("- not measured: " + e));
    }
  }

  /** CPU time / CUDA time, e.g. "120×", or "–" when either is missing. */
  private static String ratio(Map<BackendKind, Map<String, Timing>> results, String op) {
    Map<String, Timing> cuda = results.get(BackendKind.CUDA);
    Map<String, Timing> cpu = results.get(BackendKind.CPU);
    if (cuda == null || cpu == null || !cuda.get(op).ok() || !cpu.get(op).ok()) {
      return "–";
    }
    double r = cpu.get(op).seconds() / cuda.get(op).seconds();
    return String.format(Locale.ROOT, r < 10 ? "%.1f×" : "%.0f×", r);
  }
}
