package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Markdown of {@code jimagecuda bench ops}, from measured timings: the main table and the published-set
 * section, each with the peers' columns when peers are given. Pure formatting, so that it can be tested
 * with made-up timings.
 */
final class BenchReport {
  private static final BackendKind[] KINDS = {BackendKind.CUDA, BackendKind.CPU};
  private static final String NONE = "–";
  private static final String PEER_HEADER = " | OpenCV u8 ms | OpenCV f32 ms | Pillow ms | CUDA / OpenCV | CPU / OpenCV f32";

  /** The median seconds of one measurement, or why it could not be made. */
  record Timing(double seconds, String error) {
    /** A measured median. */
    static Timing of(double seconds) {
      return new Timing(seconds, null);
    }

    /** A failed measurement. */
    static Timing failed(String error) {
      return new Timing(Double.NaN, error);
    }

    boolean ok() {
      return error == null;
    }

    double ms() {
      return seconds * 1e3;
    }
  }

  /** The reused-buffer and allocating timings of one published entry. */
  record ReuseAlloc(Timing reuse, Timing alloc) {
  }

  private final List<BenchOp> ops;
  private final Map<BackendKind, String> backends;
  private final String notMeasured;
  private final Peers peers;

  /**
   * A report on {@code ops}.
   *
   * @param backends the backends measured, with their description ({@code JImageCuda.describe})
   * @param notMeasured why the other backends were not measured
   * @param peers the peers' timings, or null for no peer columns
   */
  BenchReport(List<BenchOp> ops, Map<BackendKind, String> backends, String notMeasured, Peers peers) {
    this.ops = ops;
    this.backends = backends.isEmpty() ? new EnumMap<>(BackendKind.class) : new EnumMap<>(backends);
    this.notMeasured = notMeasured;
    this.peers = peers;
  }

  /** The first section: every entry's time, GB/s, % of copy, CUDA / CPU, and the peers' columns. */
  void printMain(PrintWriter out, Size size, int reps, int batch, Map<BackendKind, Map<String, Timing>> results) {
    out.printf(Locale.ROOT, "## Ops at %s: median of %d samples (CUDA: batches of %d ops + synchronize)%n%n", size,
        reps, batch);
    printBackends(out, size);
    out.println();
    out.println("| op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy | CUDA / CPU"
        + (peers != null ? PEER_HEADER : "") + " |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:" + (peers != null ? "|---:|---:|---:|---:|---:" : "") + "|");
    List<String> errors = new ArrayList<>();
    for (BenchOp op : ops) {
      StringBuilder row = new StringBuilder("| " + op.name());
      for (BackendKind kind : KINDS) {
        Map<String, Timing> times = results.get(kind);
        Timing t = times == null ? null : times.get(op.name());
        if (t == null || !t.ok()) {
          row.append(" | – | – | –");
          if (t != null) {
            errors.add(op.name() + " on " + kind.id() + ": " + t.error());
          }
          continue;
        }
        double gbs = op.bytesPerPixel() * (double) size.pixels() / t.seconds() / 1e9;
        Timing copy = times.get(BenchOps.COPY);
        String ofCopy = NONE;
        if (copy != null && copy.ok()) {
          double copyGbs = copyBytes() * (double) size.pixels() / copy.seconds() / 1e9;
          ofCopy = String.format(Locale.ROOT, "%.0f %%", 100 * gbs / copyGbs);
        }
        row.append(String.format(Locale.ROOT, " | %.3f | %.1f | %s", t.ms(), gbs, ofCopy));
      }
      Optional<Double> cuda = ms(results, BackendKind.CUDA, op.name());
      Optional<Double> cpu = ms(results, BackendKind.CPU, op.name());
      row.append(" | ").append(speedup(cpu, cuda));
      appendPeers(row, op.name(), size, cuda, cpu);
      out.println(row.append(" |"));
    }
    out.println();
    out.println("Ratios are speed-ups (how many times faster): CUDA / CPU = CPU ms ÷ CUDA ms"
        + (peers != null ? "; CUDA / OpenCV = the faster of OpenCV's u8 and f32 ms ÷ CUDA ms; CPU / OpenCV f32 = "
        + "OpenCV f32 ms ÷ CPU ms (both float32 on the CPU)" : "") + ".");
    errors.forEach(e -> out.println("- not measured: " + e));
    printPeerNotes(out, size, ops);
  }

  /** The second section: reused buffers against an allocation per call, for the published entries. */
  void printPublished(PrintWriter out, Size size, int reps, Map<BackendKind, Map<String, ReuseAlloc>> results) {
    List<BenchOp> published = ops.stream().filter(BenchOp::inPublishedSet).toList();
    out.printf(Locale.ROOT, "## PyImageCUDA's published set at %s: reused buffers vs an allocation per call "
        + "(median of %d samples)%n%n", size, reps);
    out.println("Reuse: every call writes into buffers made once. Alloc: every call allocates its result (and any "
        + "scratch), runs and frees it, so alloc − reuse is the allocator's cost (CUDA: the stream-ordered pool; "
        + "CPU: the Java heap).");
    out.println();
    if (peers != null) {
      printPeerSource(out, size);
      out.println();
    }
    out.println("| op | CUDA reuse ms | CUDA alloc ms | CUDA alloc ÷ reuse | CPU reuse ms | CPU alloc ms "
        + "| CPU alloc ÷ reuse" + (peers != null ? PEER_HEADER : "") + " |");
    out.println("|---|---:|---:|---:|---:|---:|---:" + (peers != null ? "|---:|---:|---:|---:|---:" : "") + "|");
    List<String> errors = new ArrayList<>();
    for (BenchOp op : published) {
      StringBuilder row = new StringBuilder("| " + op.name());
      for (BackendKind kind : KINDS) {
        Map<String, ReuseAlloc> times = results.get(kind);
        ReuseAlloc t = times == null ? null : times.get(op.name());
        if (t == null) {
          row.append(" | – | – | –");
          continue;
        }
        for (Timing x : new Timing[] {t.reuse(), t.alloc()}) {
          row.append(" | ").append(x.ok() ? String.format(Locale.ROOT, "%.3f", x.ms()) : NONE);
          if (!x.ok()) {
            errors.add(op.name() + " on " + kind.id() + (x == t.reuse() ? " (reuse)" : " (alloc)") + ": " + x.error());
          }
        }
        row.append(" | ").append(t.reuse().ok() && t.alloc().ok()
            ? String.format(Locale.ROOT, "%.2f×", t.alloc().seconds() / t.reuse().seconds()) : NONE);
      }
      appendPeers(row, op.name(), size, reuseMs(results, BackendKind.CUDA, op.name()),
          reuseMs(results, BackendKind.CPU, op.name()));
      out.println(row.append(" |"));
    }
    if (peers != null) {
      out.println();
      out.println("Peer ratios use the reuse times.");
    }
    errors.forEach(e -> out.println("- not measured: " + e));
    printPeerNotes(out, size, published);
  }

  private void printBackends(PrintWriter out, Size size) {
    for (BackendKind kind : KINDS) {
      out.println("- " + kind.id() + ": " + (backends.containsKey(kind) ? backends.get(kind)
          : "not measured: " + notMeasured));
    }
    if (peers != null) {
      printPeerSource(out, size);
    }
  }

  private void printPeerSource(PrintWriter out, Size size) {
    out.println("- peers (dev/bench_peers.py): " + peers.description()
        + (peers.hasSize(size) ? "" : "; no results at " + size));
    peers.unavailable().forEach((lib, why) -> out.println("- peers not measured: " + lib + " (" + why + ")"));
  }

  private void appendPeers(StringBuilder row, String name, Size size, Optional<Double> cudaMs, Optional<Double> cpuMs) {
    if (peers == null) {
      return;
    }
    Optional<Double> u8 = peers.ms(name, size, Peers.OPENCV, Peers.U8);
    Optional<Double> f32 = peers.ms(name, size, Peers.OPENCV, Peers.F32);
    Optional<Double> pillow = peers.ms(name, size, Peers.PILLOW, Peers.U8);
    row.append(" | ").append(ms(u8)).append(" | ").append(ms(f32)).append(" | ").append(ms(pillow));
    row.append(" | ").append(speedup(peers.fastestOpenCv(name, size), cudaMs));
    row.append(" | ").append(speedup(f32, cpuMs));
  }

  private void printPeerNotes(PrintWriter out, Size size, List<BenchOp> rows) {
    if (peers == null) {
      return;
    }
    List<String> names = rows.stream().map(BenchOp::name).toList();
    Map<String, String> impl = peers.implementations(size, names);
    if (!impl.isEmpty()) {
      out.println("- peer implementations:");
      impl.forEach((name, what) -> out.println("  - " + name + ": " + what));
    }
    List<String> unmatched = peers.unmatched(size, Set.copyOf(names));
    if (!unmatched.isEmpty()) {
      out.println("- peer entries without a row here: " + String.join(", ", unmatched));
    }
  }

  /** Bytes per pixel of the copy reference. */
  private int copyBytes() {
    return ops.stream().filter(op -> op.name().equals(BenchOps.COPY)).mapToInt(BenchOp::bytesPerPixel).findFirst()
        .orElse(32);
  }

  private static Optional<Double> ms(Map<BackendKind, Map<String, Timing>> results, BackendKind kind, String name) {
    Map<String, Timing> times = results.get(kind);
    Timing t = times == null ? null : times.get(name);
    return t != null && t.ok() ? Optional.of(t.ms()) : Optional.empty();
  }

  private static Optional<Double> reuseMs(Map<BackendKind, Map<String, ReuseAlloc>> results, BackendKind kind,
      String name) {
    Map<String, ReuseAlloc> times = results.get(kind);
    ReuseAlloc t = times == null ? null : times.get(name);
    return t != null && t.reuse().ok() ? Optional.of(t.reuse().ms()) : Optional.empty();
  }

  private static String ms(Optional<Double> ms) {
    return ms.map(v -> String.format(Locale.ROOT, "%.3f", v)).orElse(NONE);
  }

  /**
   * How many times faster {@code ours} is than {@code other}: {@code other ÷ ours}, as "120×", "2.5×" or
   * "0.42×" (slower); "–" when either is missing.
   */
  static String speedup(Optional<Double> other, Optional<Double> ours) {
    if (other.isEmpty() || ours.isEmpty()) {
      return NONE;
    }
    double r = other.get() / ours.get();
    return String.format(Locale.ROOT, r < 1 ? "%.2f×" : r < 10 ? "%.1f×" : "%.0f×", r);
  }
}
