package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.ImageAccess;
import io.jimagecuda.internal.LiveImages;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;
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
 * by two threads at once.
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
    });
  }

  private final Backend backend;
  private final Storage storage;
  private final long capacity;
  private final Cleaner.Cleanable cleanable;
  private int width;
  private int height;
  private volatile boolean freed;

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
    return freed;
  }

  /** Releases the pixel memory. Calling it again does nothing. Operations issued before stay valid. */
  public final void free() {
    if (!freed) {
      freed = true;
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
        capacity, backend.kind().id(), freed ? ", freed" : "");
  }

  // ---- package-private access for the family facades (Fill, Images, ...) ----

  final Storage storage() {
    return storage;
  }

  final Backend backendImpl() {
    return backend;
  }
}
