package io.jimagecuda.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * The progress display of {@code batch}: a bar redrawn in place on a terminal, plain lines at a fixed
 * interval otherwise (logs, CI), or nothing. Runs on its own daemon thread; {@link #close()} prints the
 * final state.
 *
 * <p>Bar: {@code [#########-----------]  120/300  40%  35.2 img/s  ETA 0:05  2 failed}. Line:
 * {@code batch: 120/300 (40%), 2 failed, 35.2 images/s, ETA 5 s}.
 */
final class BatchProgress implements AutoCloseable {
  /** How progress is shown. */
  enum Mode {
    /** A bar on a terminal, else lines. */
    AUTO,
    /** A bar redrawn in place. */
    BAR,
    /** A line per interval. */
    LINES,
    /** Nothing. */
    OFF
  }

  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final Mode mode;
  private final long intervalMillis;
  private final Thread thread;
  private volatile BatchStats stats;
  private volatile boolean running = true;
  private int lastLength;

  /**
   * @param err where progress goes
   * @param mode how; {@link Mode#AUTO} is resolved here
   * @param intervalMillis time between lines (bars are redrawn 5 times a second)
   */
  BatchProgress(PrintWriter err, Mode mode, long intervalMillis) {
    this.err = err;
    this.mode = mode == Mode.AUTO ? (isTerminal() ? Mode.BAR : Mode.LINES) : mode;
    this.intervalMillis = this.mode == Mode.BAR ? 200 : Math.max(1, intervalMillis);
    this.thread = new Thread(this::loop, "batch-progress");
    thread.setDaemon(true);
    if (this.mode != Mode.OFF) {
      thread.start();
    }
  }

  Mode mode() {
    return mode;
  }

  /** Starts showing {@code s}. */
  void track(BatchStats s) {
    this.stats = s;
  }

  private void loop() {
    try {
      while (running) {
        Thread.sleep(intervalMillis);
        if (running) {
          show(false);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void show(boolean last) {
    BatchStats s = stats;
    if (s == null || mode == Mode.OFF) {
      return;
    }
    if (mode == Mode.BAR) {
      String text = bar(s);
      int pad = Math.max(0, lastLength - text.length());
      err.print("\r" + text + " ".repeat(pad) + (last ? "\n" : ""));
      lastLength = text.length();
    } else {
      err.println(line(s));
    }
    err.flush();
  }

  /** {@return the bar for {@code s}} */
  static String bar(BatchStats s) {
    int done = s.done();
    int filled = s.total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / s.total);
    return String.format(Locale.ROOT, "[%s%s] %d/%d %3d%%  %.1f img/s  ETA %s%s", "#".repeat(filled),
        "-".repeat(BAR_WIDTH - filled), done, s.total, percent(s), s.imagesPerSecond(), clock(eta(s)),
        s.failed() > 0 ? "  " + s.failed() + " failed" : "");
  }

  /** {@return the progress line for {@code s}} */
  static String line(BatchStats s) {
    double eta = eta(s);
    return String.format(Locale.ROOT, "batch: %d/%d (%d%%), %d failed, %.1f images/s, ETA %s", s.done(), s.total,
        percent(s), s.failed(), s.imagesPerSecond(), Double.isNaN(eta) ? "unknown" : Math.round(eta) + " s");
  }

  private static int percent(BatchStats s) {
    return s.total == 0 ? 100 : (int) (100L * s.done() / s.total);
  }

  /** Seconds left at the current rate; NaN before the first file is done. */
  private static double eta(BatchStats s) {
    double rate = s.imagesPerSecond();
    return rate > 0 ? (s.total - s.done()) / rate : Double.NaN;
  }

  private static String clock(double seconds) {
    if (Double.isNaN(seconds)) {
      return "-:--";
    }
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops the thread and prints the final state. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    show(true);
  }

  /** Whether stdout/stderr is a terminal: {@code Console.isTerminal()} from JDK 22, a console before. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17..21: System.console() is null unless stdin and stdout are terminals
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
