package io.jimagecuda.internal.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a row loop on the CPU backend's threads. Images under {@link #SERIAL_PIXELS} pixels run on the
 * calling thread, where threads would cost more than they save. The pool is the backend's own, so user
 * code on the common pool is not starved.
 */
public final class Rows {
  /** Below this many pixels a loop runs on the calling thread. */
  public static final int SERIAL_PIXELS = 1 << 15;

  /** Work on rows {@code [y0, y1)}. */
  @FunctionalInterface
  public interface Body {
    void rows(int y0, int y1);
  }

  private final ForkJoinPool pool;
  private final int threads;

  Rows(int threads) {
    this.threads = threads;
    this.pool = threads > 1 ? new ForkJoinPool(threads, p -> {
      var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
      t.setName("jimagecuda-cpu-" + t.getPoolIndex());
      t.setDaemon(true);
      return t;
    }, null, false) : null;
  }

  /** The number of threads. */
  public int threads() {
    return threads;
  }

  /** Runs {@code body} over rows {@code 0..height} of an image {@code width} pixels wide. */
  public void run(int width, int height, Body body) {
    long pixels = (long) width * height;
    if (pool == null || pixels < SERIAL_PIXELS || height < 2) {
      body.rows(0, height);
      return;
    }
    int chunks = Math.min(height, threads * 4);
    pool.invoke(new Split(body, 0, height, Math.max(1, (height + chunks - 1) / chunks)));
  }

  /**
   * Runs {@code body} over rows {@code 0..height} in pieces of at least {@code ⌈height / chunks⌉} rows, for
   * loops whose pieces redo work at their edges (the fused blur): fewer pieces, less repeated work.
   */
  public void run(int width, int height, int chunks, Body body) {
    long pixels = (long) width * height;
    if (pool == null || pixels < SERIAL_PIXELS || height < 2 || chunks < 2) {
      body.rows(0, height);
      return;
    }
    int pieces = Math.min(height, chunks);
    pool.invoke(new Split(body, 0, height, Math.max(1, (height + pieces - 1) / pieces)));
  }

  private static final class Split extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient Body body;
    private final int y0;
    private final int y1;
    private final int grain;

    Split(Body body, int y0, int y1, int grain) {
      this.body = body;
      this.y0 = y0;
      this.y1 = y1;
      this.grain = grain;
    }

    @Override
    protected void compute() {
      if (y1 - y0 <= grain) {
        body.rows(y0, y1);
        return;
      }
      int mid = (y0 + y1) >>> 1;
      invokeAll(new Split(body, y0, mid, grain), new Split(body, mid, y1, grain));
    }
  }
}
