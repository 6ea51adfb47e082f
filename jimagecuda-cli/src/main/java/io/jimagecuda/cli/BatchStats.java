package io.jimagecuda.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@code batch} run has done so far, updated by its threads and read by the progress display and
 * the summary: counts, failures, work per device, and the time each stage was busy.
 */
final class BatchStats {
  /** The pipeline's stages, in order; {@code where} says which threads run them. */
  enum Stage {
    DECODE("decode", "cpu"),
    UPLOAD("upload", "device"),
    GPU("recipe", "device"),
    DOWNLOAD("download", "device"),
    ENCODE("encode", "cpu"),
    WRITE("write", "cpu");

    final String label;
    final String where;

    Stage(String label, String where) {
      this.label = label;
      this.where = where;
    }
  }

  /** A file that failed: which stage, and why. */
  record Failure(Path input, String stage, String reason) {
  }

  final int total;
  final int skipped;
  final int cpuThreads;
  final List<String> devices;
  final long startNanos = System.nanoTime();
  private final AtomicLong endNanos = new AtomicLong();
  private final LongAdder[] busy = new LongAdder[Stage.values().length];
  private final LongAdder workerIdle = new LongAdder();
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger failedCount = new AtomicInteger();
  private final AtomicInteger[] perDevice;
  private final List<Failure> failures = new ArrayList<>();
  private volatile int notStarted;

  /**
   * @param total files to process, skipped ones excluded
   * @param skipped files whose output existed
   * @param cpuThreads decode/encode threads
   * @param devices one label per device worker ("cuda:0", "cpu")
   */
  BatchStats(int total, int skipped, int cpuThreads, List<String> devices) {
    this.total = total;
    this.skipped = skipped;
    this.cpuThreads = cpuThreads;
    this.devices = List.copyOf(devices);
    for (int i = 0; i < busy.length; i++) {
      busy[i] = new LongAdder();
    }
    perDevice = new AtomicInteger[devices.size()];
    for (int i = 0; i < perDevice.length; i++) {
      perDevice[i] = new AtomicInteger();
    }
  }

  void addBusy(Stage stage, long nanos) {
    busy[stage.ordinal()].add(nanos);
  }

  void addWorkerIdle(long nanos) {
    workerIdle.add(nanos);
  }

  void rendered(int device) {
    perDevice[device].incrementAndGet();
  }

  void succeeded() {
    ok.incrementAndGet();
  }

  void failed(Path input, String stage, String reason) {
    synchronized (failures) {
      failures.add(new Failure(input, stage, reason));
    }
    failedCount.incrementAndGet();
  }

  void notStarted(int n) {
    notStarted = n;
  }

  void finish() {
    endNanos.compareAndSet(0, System.nanoTime());
  }

  int ok() {
    return ok.get();
  }

  int failed() {
    return failedCount.get();
  }

  int done() {
    return ok.get() + failedCount.get();
  }

  int notStarted() {
    return notStarted;
  }

  List<Failure> failures() {
    synchronized (failures) {
      List<Failure> copy = new ArrayList<>(failures);
      copy.sort((a, b) -> a.input().compareTo(b.input()));
      return copy;
    }
  }

  int renderedOn(int device) {
    return perDevice[device].get();
  }

  long busyNanos(Stage stage) {
    return busy[stage.ordinal()].sum();
  }

  /** {@return seconds from the start to the end (or to now while running)} */
  double seconds() {
    long end = endNanos.get();
    return ((end != 0 ? end : System.nanoTime()) - startNanos) / 1e9;
  }

  /** {@return processed files per second (failed ones included: they cost time too)} */
  double imagesPerSecond() {
    double s = seconds();
    return s > 0 ? done() / s : 0;
  }

  /**
   * {@return the share of the available thread time a stage was busy: CPU stages over all decode/encode
   * threads, device stages over all device workers}
   */
  double share(Stage stage) {
    int threads = stage.where.equals("cpu") ? cpuThreads : devices.size();
    double available = seconds() * 1e9 * threads;
    return available > 0 ? busyNanos(stage) / available : 0;
  }

  /** {@return the share of the device workers' time spent waiting for decoded images} */
  double workerIdleShare() {
    double available = seconds() * 1e9 * devices.size();
    return available > 0 ? workerIdle.sum() / available : 0;
  }

  /** {@return "cuda:0 150, cuda:1 148" — images rendered per device} */
  String perDeviceLine() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      parts.add(devices.get(i) + " " + renderedOn(i));
    }
    return String.join(", ", parts);
  }

  /** The per-stage table of the summary, in Markdown. */
  List<String> stageTable() {
    List<String> lines = new ArrayList<>();
    lines.add("| stage | runs on | busy s | ms per image | busy share |");
    lines.add("| --- | --- | ---: | ---: | ---: |");
    int n = Math.max(1, done());
    for (Stage s : Stage.values()) {
      String where = s.where.equals("cpu") ? cpuThreads + " cpu threads" : devices.size() + " device worker"
          + (devices.size() == 1 ? "" : "s");
      lines.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.1f | %.0f %% |", s.label, where,
          busyNanos(s) / 1e9, busyNanos(s) / 1e6 / n, 100 * share(s)));
    }
    lines.add(String.format(Locale.ROOT, "| (waiting for decoded images) | %d device worker%s | %.2f | %.1f | %.0f %% |",
        devices.size(), devices.size() == 1 ? "" : "s", workerIdle.sum() / 1e9, workerIdle.sum() / 1e6 / n,
        100 * workerIdleShare()));
    return lines;
  }
}
