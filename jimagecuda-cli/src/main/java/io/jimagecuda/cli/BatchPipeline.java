package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.CudaException;
import io.jimagecuda.HostImage;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.OutOfDeviceMemoryException;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeJob;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one recipe over many files, pipelined: files are decoded on a pool of CPU threads, rendered by one
 * worker thread per device (each with its own {@link RecipeJob}, bound to its GPU), and encoded and
 * written on a second pool of CPU threads. A device worker only uploads, renders and downloads; it never
 * waits for a file's IO while decoded images are queued. Memory is bounded: at most {@code depth} files
 * are between "decode started" and "written" at any time.
 *
 * <p>Faults stay per file: a file that cannot be decoded, rendered (a step's error, device out of
 * memory) or encoded or written is recorded with the stage and the reason and the others continue. A
 * device worker that fails {@value #DEVICE_FAULT_LIMIT} files in a row with a CUDA error (the device
 * itself is broken) stops; the other devices take its share, and when none is left the remaining files
 * fail with that reason. Outputs are written to a hidden temporary name in the output directory and
 * renamed when complete, so no partial output is ever visible and none is left behind.
 *
 * <p>{@link #cancel()} (Ctrl-C) stops taking new files; the files already being decoded are finished
 * and written, then {@link #run} returns.
 */
final class BatchPipeline {
  /** Consecutive CUDA errors after which a device worker gives up its device. */
  static final int DEVICE_FAULT_LIMIT = 3;

  /** Where the recipe runs. */
  record Settings(BackendKind backend, List<Integer> devices, int jobs, String format, int quality,
      boolean overwrite) {
    Settings {
      devices = List.copyOf(devices);
    }
  }

  /** A decoded input on its way to a device worker, or the end-of-work marker. */
  private record Decoded(BatchInputs.Item item, HostImage pixels) {
  }

  private static final Decoded END = new Decoded(null, null);

  private final Recipe recipe;
  private final Path inputsDir;
  private final Settings settings;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicInteger liveWorkers = new AtomicInteger();
  private volatile String lastDeviceFault = "";

  BatchPipeline(Recipe recipe, Path inputsDir, Settings settings) {
    this.recipe = recipe;
    this.inputsDir = inputsDir;
    this.settings = settings;
  }

  /** Stops taking new files; those in flight are finished. Any thread may call it. */
  void cancel() {
    cancelled.set(true);
  }

  boolean cancelled() {
    return cancelled.get();
  }

  /** {@return the labels of the device workers: "cuda:0", "cuda:1" or "cpu"} */
  List<String> deviceLabels() {
    List<String> labels = new ArrayList<>();
    if (settings.backend() == BackendKind.CPU) {
      labels.add("cpu");
    } else {
      for (int d : settings.devices()) {
        labels.add("cuda:" + d);
      }
    }
    return labels;
  }

  /**
   * Creates the per-device jobs (so that a missing device or an unimplemented op fails before any file
   * is touched).
   *
   * @throws io.jimagecuda.BackendUnavailableException if a device cannot be used
   */
  List<RecipeJob> createJobs() {
    List<RecipeJob> jobs = new ArrayList<>();
    try {
      if (settings.backend() == BackendKind.CPU) {
        jobs.add(new RecipeJob(recipe, inputsDir, BackendKind.CPU));
      } else {
        for (int d : settings.devices()) {
          jobs.add(new RecipeJob(recipe, inputsDir, BackendKind.CUDA, d));
        }
      }
      return jobs;
    } catch (RuntimeException e) {
      jobs.forEach(RecipeJob::close);
      throw e;
    }
  }

  /**
   * Processes {@code items} (whose outputs exist are skipped unless overwriting) and returns when every
   * started file is written or has failed.
   *
   * @param jobs one job per device, from {@link #createJobs()}; closed here
   * @param items the files
   * @param started receives the stats as soon as they exist (for the progress display)
   */
  BatchStats run(List<RecipeJob> jobs, List<BatchInputs.Item> items, java.util.function.Consumer<BatchStats> started)
      throws InterruptedException {
    List<BatchInputs.Item> todo = new ArrayList<>();
    int skipped = 0;
    for (BatchInputs.Item item : items) {
      if (!settings.overwrite() && Files.exists(item.output())) {
        skipped++;
      } else {
        todo.add(item);
      }
    }
    int workers = jobs.size();
    BatchStats stats = new BatchStats(todo.size(), skipped, settings.jobs(), deviceLabels());
    started.accept(stats);
    int depth = 2 * settings.jobs() + 2 * workers;
    Semaphore inFlight = new Semaphore(depth);
    BlockingQueue<Decoded> decoded = new LinkedBlockingQueue<>();
    ExecutorService decoders = Executors.newFixedThreadPool(settings.jobs(), named("batch-decode"));
    ExecutorService encoders = Executors.newFixedThreadPool(settings.jobs(), named("batch-encode"));
    List<Thread> threads = new ArrayList<>();
    liveWorkers.set(workers);
    try {
      for (int w = 0; w < workers; w++) {
        RecipeJob job = jobs.get(w);
        int index = w;
        Thread t = new Thread(() -> work(job, index, decoded, encoders, inFlight, stats),
            "batch-" + stats.devices.get(w));
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      int fed = 0;
      while (fed < todo.size() && !cancelled.get() && liveWorkers.get() > 0) {
        if (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          continue;
        }
        if (cancelled.get() || liveWorkers.get() == 0) {
          inFlight.release();
          break;
        }
        BatchInputs.Item item = todo.get(fed++);
        decoders.execute(() -> decode(item, decoded, inFlight, stats));
      }
      if (liveWorkers.get() == 0) {
        for (BatchInputs.Item item : todo.subList(fed, todo.size())) {
          stats.failed(item.input(), "render", "no working device left: " + lastDeviceFault);
        }
      } else {
        stats.notStarted(todo.size() - fed);
      }
      decoders.shutdown();
      awaitForever(decoders);
      for (int w = 0; w < workers; w++) {
        decoded.put(END);
      }
      for (Thread t : threads) {
        t.join();
      }
      // Every worker gave up its device: what is still queued cannot be rendered.
      for (Decoded d; (d = decoded.poll()) != null; ) {
        if (d != END) {
          stats.failed(d.item().input(), "render", "no working device left: " + lastDeviceFault);
          inFlight.release();
        }
      }
      encoders.shutdown();
      awaitForever(encoders);
    } finally {
      decoders.shutdownNow();
      encoders.shutdownNow();
      jobs.forEach(RecipeJob::close);
      stats.finish();
    }
    return stats;
  }

  private static void awaitForever(ExecutorService pool) throws InterruptedException {
    while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
      Thread.onSpinWait();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private void decode(BatchInputs.Item item, BlockingQueue<Decoded> queue, Semaphore inFlight, BatchStats stats) {
    long t0 = System.nanoTime();
    HostImage pixels;
    try {
      pixels = Images.decode(item.input(), RecipeJob.INPUT_AUTOROTATE);
    } catch (Exception | OutOfMemoryError e) {
      stats.addBusy(BatchStats.Stage.DECODE, System.nanoTime() - t0);
      stats.failed(item.input(), "decode", reason(e));
      inFlight.release();
      return;
    }
    stats.addBusy(BatchStats.Stage.DECODE, System.nanoTime() - t0);
    queue.add(new Decoded(item, pixels));
  }

  /** A device worker: takes decoded files until the end marker, renders them, hands them to the encoders. */
  private void work(RecipeJob job, int index, BlockingQueue<Decoded> queue, ExecutorService encoders,
      Semaphore inFlight, BatchStats stats) {
    int faultsInARow = 0;
    try (RecipeJob.Binding binding = job.bind()) {
      while (true) {
        long w0 = System.nanoTime();
        Decoded d = queue.take();
        stats.addWorkerIdle(System.nanoTime() - w0);
        if (d == END) {
          return;
        }
        HostImage result;
        try {
          result = render(job, d.pixels(), stats);
          faultsInARow = 0;
        } catch (Exception | OutOfMemoryError e) {
          stats.failed(d.item().input(), "render on " + stats.devices.get(index), reason(e));
          inFlight.release();
          if (e instanceof CudaException && !(e instanceof OutOfDeviceMemoryException)
              && ++faultsInARow >= DEVICE_FAULT_LIMIT) {
            lastDeviceFault = stats.devices.get(index) + " stopped after " + faultsInARow + " CUDA errors in a row ("
                + reason(e) + ")";
            System.err.println("batch: " + lastDeviceFault + "; the other devices take its files");
            return;
          }
          continue;
        }
        stats.rendered(index);
        BatchInputs.Item item = d.item();
        encoders.execute(() -> encode(item, result, inFlight, stats));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      liveWorkers.decrementAndGet();
    }
  }

  /** Upload, recipe, download, each waited for so that its time is its own. */
  private HostImage render(RecipeJob job, HostImage pixels, BatchStats stats) throws IOException {
    BackendKind kind = job.backend();
    long t0 = System.nanoTime();
    try (Image in = Images.fromHostImage(pixels, kind)) {
      JImageCuda.synchronize(kind);
      long t1 = System.nanoTime();
      stats.addBusy(BatchStats.Stage.UPLOAD, t1 - t0);
      try (Image out = job.render(in)) {
        JImageCuda.synchronize(kind);
        long t2 = System.nanoTime();
        stats.addBusy(BatchStats.Stage.GPU, t2 - t1);
        HostImage result = Images.toHostImage(out);
        stats.addBusy(BatchStats.Stage.DOWNLOAD, System.nanoTime() - t2);
        return result;
      }
    }
  }

  private void encode(BatchInputs.Item item, HostImage pixels, Semaphore inFlight, BatchStats stats) {
    try {
      long t0 = System.nanoTime();
      byte[] bytes;
      try {
        bytes = Images.encode(pixels, settings.format(), settings.quality());
      } catch (Exception | OutOfMemoryError e) {
        stats.addBusy(BatchStats.Stage.ENCODE, System.nanoTime() - t0);
        stats.failed(item.input(), "encode", reason(e));
        return;
      }
      long t1 = System.nanoTime();
      stats.addBusy(BatchStats.Stage.ENCODE, t1 - t0);
      try {
        writeAtomically(item.output(), bytes);
        stats.succeeded();
      } catch (IOException | RuntimeException e) {
        stats.failed(item.input(), "write", "cannot write " + item.output() + ": " + reason(e));
      } finally {
        stats.addBusy(BatchStats.Stage.WRITE, System.nanoTime() - t1);
      }
    } finally {
      inFlight.release();
    }
  }

  /** Writes {@code bytes} to a hidden temporary file next to {@code target}, then renames it. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(tempName(target));
    boolean moved = false;
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** {@return ".NAME.1a2b3c.batch-tmp": hidden, unique, recognisable} */
  static String tempName(Path target) {
    return "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
        + TEMP_SUFFIX;
  }

  /** The suffix of temporary outputs. */
  static final String TEMP_SUFFIX = ".batch-tmp";

  /** One line: the exception's message, or its class for an exception without one. */
  static String reason(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "out of Java heap memory (" + e.getMessage() + "); lower --jobs or raise -Xmx";
    }
    if (e instanceof NoSuchFileException) {
      return "file not found: " + e.getMessage();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
