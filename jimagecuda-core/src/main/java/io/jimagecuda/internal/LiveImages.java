package io.jimagecuda.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the images of this JVM whose pixel memory was allocated and not yet released by
 * {@code free()} / {@code close()}: what tests read to show that a code path leaks no image. An image that
 * only the garbage collector's safety net (the {@code Cleaner}) releases stays counted: it was leaked.
 *
 * <p>Internal: the count is JVM-wide, so read it before and after the code under test while nothing else
 * creates images (tests of one class run one at a time).
 */
public final class LiveImages {
  private static final AtomicLong LIVE = new AtomicLong();

  private LiveImages() {
  }

  /** {@return the number of images allocated and not yet freed explicitly, in this JVM} */
  public static long count() {
    return LIVE.get();
  }

  /** Called once by each image after its memory was allocated. */
  public static void allocated() {
    LIVE.incrementAndGet();
  }

  /** Called once by each image when {@code free()} releases its memory. */
  public static void released() {
    LIVE.decrementAndGet();
  }
}
