package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.ImageAccess;
import io.jimagecuda.internal.cuda.CudaStorage;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link Presenter} shares: the frame size, the closed state, the checks on each frame, and
 * one {@link #write} for both image kinds. Subclasses implement the path.
 */
abstract class AbstractPresenter implements Presenter {
  final int width;
  final int height;
  private final @Nullable BackendKind requiredBackend;
  private boolean closed;

  /**
   * @param requiredBackend the backend frames must be on, or {@code null} for any
   */
  AbstractPresenter(int width, int height, @Nullable BackendKind requiredBackend) {
    if (width < 1 || height < 1 || width > ImageBase.MAX_SIDE || height > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException("Presenter: size " + width + "x" + height + " is not in 1..32768");
    }
    this.width = width;
    this.height = height;
    this.requiredBackend = requiredBackend;
  }

  @Override
  public final int width() {
    return width;
  }

  @Override
  public final int height() {
    return height;
  }

  @Override
  @SuppressWarnings("try") // the hold is kept for the block, not referenced in it
  public final void present(ImageU8 frame) {
    check(frame);
    try (ImageAccess.Hold h = ImageAccess.hold("Presenter.present", frame)) { // free() elsewhere waits for us
      write(frame);
    }
  }

  @Override
  @SuppressWarnings("try") // the hold is kept for the block, not referenced in it
  public final void present(Image frame) {
    check(frame);
    try (ImageAccess.Hold h = ImageAccess.hold("Presenter.present", frame)) { // free() elsewhere waits for us
      write(frame);
    }
  }

  /** Brings a checked frame ({@link ImageU8} or {@link Image}, of this size and backend) into the texture. */
  abstract void write(ImageBase frame);

  /** Releases the path's objects; called once by {@link #close()}. */
  abstract void release();

  private void check(ImageBase frame) {
    requireOpen("Presenter.present");
    Check.usable("Presenter.present", "frame", frame);
    if (frame.width() != width || frame.height() != height) {
      throw new IllegalArgumentException("Presenter.present: the frame is " + frame.width() + "x" + frame.height()
          + " but the presenter shows " + width + "x" + height);
    }
    if (requiredBackend != null && frame.backend() != requiredBackend) {
      throw new IllegalArgumentException("Presenter.present: " + path() + " needs " + requiredBackend.id()
          + " images, the frame is on the " + frame.backend().id() + " backend");
    }
  }

  final void requireOpen(String op) {
    if (closed) {
      throw new IllegalStateException(op + ": the presenter was closed");
    }
  }

  /** The device address of a CUDA frame. */
  static long ptr(ImageBase frame) {
    return ((CudaStorage) ImageAccess.storage(frame)).ptr();
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  @Override
  public String toString() {
    return "Presenter(" + width + "x" + height + ", " + path() + (closed ? ", closed" : "") + ")";
  }
}
