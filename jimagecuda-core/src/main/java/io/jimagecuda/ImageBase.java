package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.ImageAccess;
import io.jimagecuda.internal.LiveImages;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;

/**
 * What {@link Image} and {@link ImageU8} share: pixels in backend memory, a fixed capacity and a mutable
 * logical size.
 *
 * <p><b>Capacity versus logical size.</b> An image is created with {@code width × height} pixels of
 * capacity. {@link #setLogicalSize(int, int)} changes the logical size to any shape whose pixel count fits; it
 * never touches the pixels, which are re-interpreted at the new row length (rows are packed at the
 * logical width). Operations always use the current logical size. This lets one buffer serve frames of
 * varying sizes without reallocating.
 *
 * <p><b>Release.</b> Call {@link #free()} or use try-with-resources: device memory is scarce and the
 * garbage collector does not see it. A {@link Cleaner} frees images that become unreachable, but only
 * as a safety net, at a time of the collector's choosing. After {@code free()} the size stays readable;
 * any operation on the image throws {@link IllegalStateException}.
 *
 * <p><b>Threads.</b> Different images may be used from different threads. One image must not be used
 * by two threads at once, with one exception: {@link #free()} (or {@link #close()}) may be called from any
 * thread at any time. An operation running on the image meanwhile either completes before the memory is
 * released (the release waits for the last running operation, without blocking the caller of
 * {@code free()}) or, if it starts after {@code free()}, throws {@link IllegalStateException}; it never
 * reads or writes released memory.
 */
public abstract sealed class ImageBase implements AutoCloseable permits Image, ImageU8 {
  /** Largest width or height an image may have. */
  public static final int MAX_SIDE = 32768;

  private static final Cleaner CLEANER = Cleaner.create();

  static {
    ImageAccess.register(new ImageAccess.Accessor() {
      @Override
      public Storage storage(ImageBase image) {
        return image.storage();
      }

      @Override
      public Backend backend(ImageBase image) {
        return image.backendImpl();
      }

      @Override
      public ImageAccess.Hold hold(String op, ImageBase image) {
        return Use.of(op, image);
      }
    });
  }

  private final Backend backend;
  private final Storage storage;
  private final long capacity;
  private final Cleaner.Cleanable cleanable;
  private int width;
  private int height;
  /**
   * {@link #CLOSED} once {@link #free()} was called, plus the number of operations holding the image
   * ({@link Use}). Memory is released by whoever brings it to exactly {@code CLOSED}: {@code free()} when
   * no operation holds the image, else the last operation to let go.
   */
  private volatile int state;
  private static final int CLOSED = Integer.MIN_VALUE;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(ImageBase.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  ImageBase(int width, int height, BackendKind kind, PixelFormat format) {
    this(width, height, kind, format, true);
  }

  /** {@code zeroed}: false only for results that an operation overwrites entirely before they are seen. */
  ImageBase(int width, int height, BackendKind kind, PixelFormat format, boolean zeroed) {
    Check.creationSize(width, height);
    this.backend = Backends.get(kind);
    this.width = width;
    this.height = height;
    this.capacity = (long) width * height;
    this.storage = zeroed ? backend.allocate(format, capacity) : backend.allocateForOverwrite(format, capacity);
    Storage s = storage;
    this.cleanable = CLEANER.register(this, s::free);
    LiveImages.allocated();
  }

  /** {@return the logical width in pixels} */
  public final int width() {
    return width;
  }

  /** {@return the logical height in pixels} */
  public final int height() {
    return height;
  }

  /** {@return the number of pixels the image was created with} {@code width() * height()} never exceeds it. */
  public final long capacity() {
    return capacity;
  }

  /** {@return the logical pixel count {@code width() * height()}} */
  public final long pixels() {
    return (long) width * height;
  }

  /** {@return the bytes per pixel: 16 for {@link Image}, 4 for {@link ImageU8}} */
  public abstract int bytesPerPixel();

  /** {@return the bytes of the logical area: {@code width() * height() * bytesPerPixel()}} */
  public final long byteSize() {
    return (long) width * height * bytesPerPixel();
  }

  /** {@return the backend whose memory holds the pixels} */
  public final BackendKind backend() {
    return backend.kind();
  }

  /**
   * Sets the logical size. Pixels are not moved: the existing data is read at the new row length.
   * Works on a freed image (pure bookkeeping).
   *
   * @param width the new logical width, 1..32768
   * @param height the new logical height, 1..32768
   * @throws IllegalArgumentException if a side is not in 1..32768 ("must be positive" for ≤ 0)
   * @throws CapacityExceededException if {@code width * height > capacity()} ("exceed buffer capacity")
   */
  public final void setLogicalSize(int width, int height) {
    Check.resize(this, width, height);
    this.width = width;
    this.height = height;
  }

  /** {@return whether {@link #free()} has been called} */
  public final boolean isFreed() {
    return state < 0;
  }

  /**
   * Releases the pixel memory. Calling it again does nothing. Operations issued before stay valid. Safe
   * from any thread: an operation running on this image meanwhile completes first (the memory is released
   * when it ends), a later one throws {@link IllegalStateException}.
   */
  public final void free() {
    for (;;) {
      int s = state;
      if (s < 0) {
        return;
      }
      if (STATE.compareAndSet(this, s, s | CLOSED)) {
        if (s == 0) {
          cleanable.clean();
          LiveImages.released();
        }
        return;
      }
    }
  }

  /**
   * Holds the image for an operation (see {@link Use}): its memory stays allocated until {@link #release()}.
   *
   * @throws IllegalStateException if the image has been freed
   */
  final void acquire(String op) {
    for (;;) {
      int s = state;
      if (s < 0) {
        throw new IllegalStateException(op + ": the image has been freed (" + this + ")");
      }
      if (STATE.compareAndSet(this, s, s + 1)) {
        return;
      }
    }
  }

  /** Ends a hold; the last one after {@link #free()} releases the memory. */
  final void release() {
    if ((int) STATE.getAndAdd(this, -1) - 1 == CLOSED) {
      cleanable.clean();
      LiveImages.released();
    }
  }

  /** Same as {@link #free()}. */
  @Override
  public final void close() {
    free();
  }

  @Override
  public String toString() {
    return String.format("%s(%dx%d, capacity %d px, %s%s)", getClass().getSimpleName(), width, height,
        capacity, backend.kind().id(), isFreed() ? ", freed" : "");
  }

  // ---- package-private access for the family facades (Fill, Images, ...) ----

  final Storage storage() {
    return storage;
  }

  final Backend backendImpl() {
    return backend;
  }
}
