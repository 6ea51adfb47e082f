package io.jimagecuda;

import io.jimagecuda.internal.ImageAccess;

/**
 * The images an operation works on, held for the operation's duration: while held, {@link ImageBase#free()}
 * from another thread only marks an image closed and its memory is released when the last holder lets go;
 * an image already closed cannot be held ({@link IllegalStateException}). The one choke point through which
 * every operation of the facades reaches backend memory:
 *
 * <pre>{@code
 * try (Use u = Use.of("Adjust.brightness", image)) {
 *   image.backendImpl().adjust().brightness(image.storage(), ...);
 * }
 * }</pre>
 *
 * <p>Cost: one compare-and-set per image on entry and one atomic decrement on exit (measured in
 * {@code docs/reliability.md}). {@code null} images (optional scratch buffers) are skipped.
 */
final class Use implements ImageAccess.Hold {
  private final ImageBase a;
  private final ImageBase b;
  private final ImageBase c;
  private final ImageBase d;

  private Use(ImageBase a, ImageBase b, ImageBase c, ImageBase d) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  static Use of(String op, ImageBase a) {
    return of(op, a, null, null, null);
  }

  static Use of(String op, ImageBase a, ImageBase b) {
    return of(op, a, b, null, null);
  }

  static Use of(String op, ImageBase a, ImageBase b, ImageBase c) {
    return of(op, a, b, c, null);
  }

  /** Holds every non-null image, or none if one of them is closed (then throws). */
  static Use of(String op, ImageBase a, ImageBase b, ImageBase c, ImageBase d) {
    acquire(op, a);
    try {
      acquire(op, b);
      try {
        acquire(op, c);
        try {
          acquire(op, d);
        } catch (RuntimeException e) {
          release(c);
          throw e;
        }
      } catch (RuntimeException e) {
        release(b);
        throw e;
      }
    } catch (RuntimeException e) {
      release(a);
      throw e;
    }
    return new Use(a, b, c, d);
  }

  private static void acquire(String op, ImageBase img) {
    if (img != null) {
      img.acquire(op);
    }
  }

  private static void release(ImageBase img) {
    if (img != null) {
      img.release();
    }
  }

  /** Lets go of the images; the last holder of an image freed meanwhile releases its memory. */
  @Override
  public void close() {
    release(a);
    release(b);
    release(c);
    release(d);
  }
}
