package io.jimagecuda.internal;

import io.jimagecuda.ImageBase;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.backend.Storage;

/**
 * Gives the library's other modules (OpenGL interop) an image's backend memory and backend, which the
 * public API keeps package-private. {@link ImageBase} registers the accessor in its static initialiser;
 * nothing else may call {@link #register}. Not part of the public API.
 */
public final class ImageAccess {
  /** Reads the package-private state of an image. */
  public interface Accessor {
    /** The memory holding the image's pixels. */
    Storage storage(ImageBase image);

    /** The backend that owns that memory. */
    Backend backend(ImageBase image);

    /** Holds {@code image} for an operation; see {@link ImageAccess#hold}. */
    Hold hold(String op, ImageBase image);
  }

  /** An image held by an operation: its memory is not released before {@link #close()}. */
  public interface Hold extends AutoCloseable {
    /** Lets go of the image; if it was freed meanwhile, the last holder releases its memory. */
    @Override
    void close();
  }

  private static volatile Accessor accessor;

  private ImageAccess() {
  }

  /**
   * Installs the accessor; called once by {@link ImageBase}'s static initialiser.
   *
   * @throws IllegalStateException if an accessor is already installed
   */
  public static synchronized void register(Accessor a) {
    if (accessor != null) {
      throw new IllegalStateException("ImageAccess is registered by ImageBase only, once");
    }
    accessor = a;
  }

  /** The storage of {@code image} (its device or heap memory). */
  public static Storage storage(ImageBase image) {
    return accessor().storage(image);
  }

  /**
   * Holds {@code image} for the duration of an operation, as the public API's operations do: a
   * {@link ImageBase#free()} from another thread meanwhile defers the release until {@link Hold#close()}.
   * Use with try-with-resources around every access to {@link #storage}.
   *
   * @throws IllegalStateException naming {@code op} if the image has been freed
   */
  public static Hold hold(String op, ImageBase image) {
    return accessor().hold(op, image);
  }

  /** The backend implementation of {@code image}. */
  public static Backend backend(ImageBase image) {
    return accessor().backend(image);
  }

  private static Accessor accessor() {
    Accessor a = accessor;
    if (a == null) {
      // An ImageBase argument implies the class is initialised; this covers a call before any image exists.
      try {
        Class.forName(ImageBase.class.getName(), true, ImageBase.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = accessor;
    }
    return a;
  }
}
