package io.jimagecuda.internal.backend;

/**
 * Memory that holds one image's pixels, owned by one backend. Sized for the image's capacity; rows are
 * packed at the current logical width. {@link #free()} must be idempotent and thread-safe because the
 * {@code Cleaner} may call it from its own thread.
 */
public interface Storage {
  /** The pixel format the memory was allocated for. */
  PixelFormat format();

  /** The capacity in pixels. */
  long capacityPixels();

  /** Releases the memory; later calls do nothing. */
  void free();
}
