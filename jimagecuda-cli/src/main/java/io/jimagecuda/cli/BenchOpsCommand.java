package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.JImageCuda;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda bench ops}: times every entry of {@link BenchOps} on CUDA (when available) and the CPU,
 * in two Markdown sections:
 * <ol>
 *   <li>at {@code --size}: the median time, the throughput (bytes read + written), how close it comes to the
 *       backend's copy bandwidth measured in the same run, and the CUDA / CPU speed ratio;</li>
 *   <li>at {@code --published-size}, for the entries of PyImageCUDA's published set: the time with reused
 *       buffers, with an allocation per call (allocate the result, run, free), and their ratio.</li>
 * </ol>
 * With {@code --peers FILE} or {@code --peers-cmd CMD} the timings of OpenCV and Pillow on the same work
 * ({@code dev/bench_peers.py}) are added as columns; {@code --plot} draws the first section as a bar chart.
 *
 * <p>CUDA ops are asynchronous, so they are timed in batches: {@code --batch} calls, then a synchronize;
 * one sample is the batch's time divided by its size. CPU ops finish before returning and are timed one by
 * one. Each measurement gets {@value #WARMUP} untimed samples first.
 */
@Command(name = "ops", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Time every registered op on CUDA (if available) and the CPU. Prints Markdown: at --size, the "
        + "median times, GB/s (bytes read + written), %% of the backend's copy bandwidth and the CUDA / CPU speed "
        + "ratio; then, at --published-size, PyImageCUDA's published set with reused buffers and with an "
        + "allocation per call.",
        "--peers or --peers-cmd add OpenCV (uint8, float32) and Pillow timings of the same work "
        + "(dev/bench_peers.py) as columns; --plot draws the first table as a bar chart (log scale)."})
final class BenchOpsCommand implements Callable<Integer> {
  private static final int WARMUP = 3;

  @Spec
  CommandSpec spec;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "3840x2160",
      description = "Image size of the main table (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--published-size", paramLabel = "WxH", defaultValue = "1920x1080",
      description = "Image size of the published-set section (default: ${DEFAULT-VALUE}).")
  String publishedSize;

  @Option(names = "--reps", paramLabel = "N", defaultValue = "10",
      description = "Timed samples per measurement; the median is reported (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "20",
      description = "CUDA calls per timed batch, followed by one synchronize (default: ${DEFAULT-VALUE}).")
  int batch;

  @ArgGroup(exclusive = true)
  PeerSource peerSource;

  /** Where the peers' timings come from. */
  static final class PeerSource {
    @Option(names = "--peers", paramLabel = "FILE.json",
        description = "Peer timings printed by dev/bench_peers.py, added as columns.")
    Path file;

    @Option(names = "--peers-cmd", paramLabel = "CMD",
        description = "Run CMD (with /bin/sh, e.g. \"python3 dev/bench_peers.py\") first and add the JSON it "
            + "prints as columns; it gets JIMAGECUDA_BENCH_SIZES=SIZE,PUBLISHED-SIZE and JIMAGECUDA_BENCH_REPS.")
    String command;
  }

  @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png",
      description = "Also draw the first table (ms per op, per backend and peer, log scale) into this file.")
  Path plot;

  @Override
  public Integer call() throws IOException {
    Size main = Size.parse(spec, "--size", size, "3840x2160");
    Size published = Size.parse(spec, "--published-size", publishedSize, "1920x1080");
    if (reps < 1 || batch < 1) {
      throw new ParameterException(spec.commandLine(), "--reps and --batch must be at least 1");
    }
    if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(svg|png)")) {
      throw new ParameterException(spec.commandLine(), "--plot must name a .svg or .png file, got '" + plot + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    Peers peers = peers(main, published, err);
    List<BenchOp> ops = BenchOps.all();
    checkRegistry(ops);

    Map<BackendKind, String> backends = new EnumMap<>(BackendKind.class);
    if (JImageCuda.isCudaAvailable()) {
      backends.put(BackendKind.CUDA, JImageCuda.describe(BackendKind.CUDA));
    }
    backends.put(BackendKind.CPU, JImageCuda.describe(BackendKind.CPU));

    Map<BackendKind, Map<String, BenchReport.Timing>> mainTimes = new EnumMap<>(BackendKind.class);
    Map<BackendKind, Map<String, BenchReport.ReuseAlloc>> publishedTimes = new EnumMap<>(BackendKind.class);
    for (BackendKind kind : backends.keySet()) {
      Map<String, BenchReport.Timing> times = new LinkedHashMap<>();
      try (BenchBuffers buffers = new BenchBuffers(main.width(), main.height(), kind)) {
        for (BenchOp op : ops) {
          err.printf("bench: %s on %s at %s%n", op.name(), kind.id(), main);
          buffers.reset();
          times.put(op.name(), measure(kind, op.reuse(), buffers));
        }
      }
      mainTimes.put(kind, times);

      Map<String, BenchReport.ReuseAlloc> pairs = new LinkedHashMap<>();
      try (BenchBuffers buffers = new BenchBuffers(published.width(), published.height(), kind)) {
        for (BenchOp op : ops.stream().filter(BenchOp::inPublishedSet).toList()) {
          err.printf("bench: %s on %s at %s, reused and allocated%n", op.name(), kind.id(), published);
          buffers.reset();
          BenchReport.Timing reuse = measure(kind, op.reuse(), buffers);
          buffers.reset();
          BenchReport.Timing alloc = measure(kind, b -> op.alloc().apply(b).free(), buffers);
          pairs.put(op.name(), new BenchReport.ReuseAlloc(reuse, alloc));
        }
      }
      publishedTimes.put(kind, pairs);
    }

    BenchReport report = new BenchReport(ops, backends, JImageCuda.cudaStatus(), peers);
    PrintWriter out = spec.commandLine().getOut();
    report.printMain(out, main, reps, batch, mainTimes);
    out.println();
    report.printPublished(out, published, reps, publishedTimes);
    if (plot != null) {
      chart(main, ops, mainTimes, peers).write(plot);
      err.println("bench: plot written to " + plot);
    }
    return 0;
  }

  private Peers peers(Size main, Size published, PrintWriter err) throws IOException {
    if (peerSource == null) {
      return null;
    }
    if (peerSource.file != null) {
      return Peers.read(peerSource.file);
    }
    err.println("bench: running the peers: " + peerSource.command);
    return Peers.run(peerSource.command, Map.of("JIMAGECUDA_BENCH_SIZES", main + "," + published,
        "JIMAGECUDA_BENCH_REPS", Integer.toString(reps)), err);
  }

  /** Names are unique and the copy reference is there. */
  private static void checkRegistry(List<BenchOp> ops) {
    var names = new HashSet<String>();
    for (BenchOp op : ops) {
      if (!names.add(op.name())) {
        throw new IllegalStateException("BenchOps lists '" + op.name() + "' twice");
      }
    }
    if (!names.contains(BenchOps.COPY)) {
      throw new IllegalStateException("BenchOps has no '" + BenchOps.COPY + "' entry (the bandwidth reference)");
    }
  }

  private BenchReport.Timing measure(BackendKind kind, Consumer<BenchBuffers> call, BenchBuffers buffers) {
    int perSample = kind == BackendKind.CUDA ? batch : 1;
    try {
      for (int i = 0; i < WARMUP; i++) {
        sample(kind, call, buffers, perSample);
      }
      double[] samples = new double[reps];
      for (int i = 0; i < reps; i++) {
        samples[i] = sample(kind, call, buffers, perSample);
      }
      Arrays.sort(samples);
      return BenchReport.Timing.of((samples[(reps - 1) / 2] + samples[reps / 2]) / 2);
    } catch (RuntimeException e) {
      return BenchReport.Timing.failed(e.toString());
    }
  }

  /** Seconds per call over {@code n} calls, from an idle backend until all of them have finished. */
  private static double sample(BackendKind kind, Consumer<BenchBuffers> call, BenchBuffers buffers, int n) {
    JImageCuda.synchronize(kind);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      call.accept(buffers);
    }
    JImageCuda.synchronize(kind);
    return (System.nanoTime() - start) / 1e9 / n;
  }

  /** A peer's series of the chart. */
  private record PeerColumn(String label, String library, String dtype, Color color) {
  }

  private static final List<PeerColumn> PEER_COLUMNS = List.of(
      new PeerColumn("OpenCV u8", Peers.OPENCV, Peers.U8, BarChart.OPENCV_U8),
      new PeerColumn("OpenCV f32", Peers.OPENCV, Peers.F32, BarChart.OPENCV_F32),
      new PeerColumn("Pillow", Peers.PILLOW, Peers.U8, BarChart.PILLOW));

  /** The first table as a chart: per op, CUDA, CPU and the peers' times in ms. */
  static BarChart chart(Size size, List<BenchOp> ops, Map<BackendKind, Map<String, BenchReport.Timing>> times,
      Peers peers) {
    List<String> names = ops.stream().map(BenchOp::name).toList();
    List<BarChart.Series> series = new ArrayList<>();
    for (BackendKind kind : new BackendKind[] {BackendKind.CUDA, BackendKind.CPU}) {
      Map<String, BenchReport.Timing> t = times.get(kind);
      if (t != null) {
        series.add(new BarChart.Series(kind == BackendKind.CUDA ? "JImageCUDA CUDA" : "JImageCUDA CPU",
            kind == BackendKind.CUDA ? BarChart.CUDA : BarChart.CPU, names.stream()
            .mapToDouble(n -> t.containsKey(n) && t.get(n).ok() ? t.get(n).ms() : Double.NaN).toArray()));
      }
    }
    if (peers != null) {
      for (PeerColumn p : PEER_COLUMNS) {
        double[] ms = names.stream().mapToDouble(n -> peers.ms(n, size, p.library(), p.dtype()).orElse(Double.NaN))
            .toArray();
        if (Arrays.stream(ms).anyMatch(v -> !Double.isNaN(v))) {
          series.add(new BarChart.Series(p.label(), p.color(), ms));
        }
      }
    }
    return new BarChart("bench ops at " + size + ": median ms per call (log scale, shorter is faster)", names,
        series);
  }
}
