package io.jimagecuda.internal;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.CapacityExceededException;
import io.jimagecuda.ImageBase;
import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.backend.Backends;
import java.util.Arrays;

/**
 * Argument validation for the API layer; the one place where checks live. Messages name the operation,
 * the parameter, the value and what is allowed, and keep the reference's fragments ("must be positive",
 * "exceed buffer capacity", "Expected n bytes", "non-negative").
 */
public final class Check {
  private Check() {
  }

  /** Width and height of a new image: each in 1..32768. */
  public static void creationSize(int width, int height) {
    side("width", width);
    side("height", height);
  }

  private static void side(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("Image " + name + " must be positive, got " + value);
    }
    if (value > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException("Image " + name + " " + value + " is too large: at most "
          + ImageBase.MAX_SIDE);
    }
  }

  /** A new logical size for {@code img}: sides in 1..32768 and a pixel count within capacity. */
  public static void resize(ImageBase img, int width, int height) {
    creationSize(width, height);
    long need = (long) width * height;
    if (need > img.capacity()) {
      throw new CapacityExceededException(String.format(
          "%dx%d (%d px) would exceed buffer capacity of %d px (%s)", width, height, need, img.capacity(),
          img));
    }
  }

  /**
   * Resizes {@code dst} for an operation's result.
   *
   * @throws CapacityExceededException naming the operation and the parameter
   */
  public static void resizeFor(String op, String param, ImageBase dst, int width, int height) {
    usable(op, param, dst);
    long need = (long) width * height;
    if (need > dst.capacity()) {
      throw new CapacityExceededException(String.format(
          "%s: %s needs %dx%d (%d px), which would exceed buffer capacity of %d px", op, param, width,
          height, need, dst.capacity()));
    }
    dst.setLogicalSize(width, height);
  }

  /**
   * {@code img} could be resized to {@code width × height} (usable, capacity large enough), without
   * resizing it: lets an operation check all its buffers before it resizes any.
   *
   * @throws CapacityExceededException worded as {@link #resizeFor}
   */
  public static void fits(String op, String param, ImageBase img, int width, int height) {
    usable(op, param, img);
    long need = (long) width * height;
    if (need > img.capacity()) {
      throw new CapacityExceededException(String.format(
          "%s: %s needs %dx%d (%d px), which would exceed buffer capacity of %d px", op, param, width,
          height, need, img.capacity()));
    }
  }

  /** {@code img} is not null and not freed. */
  public static void usable(String op, String param, ImageBase img) {
    if (img == null) {
      throw new NullPointerException(op + ": " + param + " is null");
    }
    if (img.isFreed()) {
      throw new IllegalStateException(op + ": " + param + " has been freed or is invalid (" + img + ")");
    }
    onThreadsDevice(op, param, img);
  }

  /**
   * A CUDA image is used on a thread whose CUDA device ({@link io.jimagecuda.CudaDeviceScope}) is the
   * image's: results and temporaries are created on the thread's device.
   */
  private static void onThreadsDevice(String op, String param, ImageBase img) {
    if (img.backend() != BackendKind.CUDA) {
      return;
    }
    Backend own = ImageAccess.backend(img);
    Backend threads;
    try {
      threads = Backends.get(BackendKind.CUDA);
    } catch (BackendUnavailableException e) {
      // the image was made by a CUDA backend that has ended since (JImageCuda.resetCuda after a fault)
      throw new IllegalStateException(op + ": " + param + " belongs to a CUDA backend that has ended; its memory "
          + "is gone (" + e.getMessage() + ")", e);
    }
    if (own != threads) {
      int imageDevice = Backends.cudaOrdinal(own);
      int threadDevice = Backends.cudaOrdinal(threads);
      throw new IllegalStateException(String.format("%s: %s is on CUDA device %d but this thread's CUDA "
          + "device is %d; use it inside JImageCuda.useCudaDevice(%d)", op, param, imageDevice, threadDevice,
          imageDevice));
    }
  }

  /** Every image is usable and all live on the same backend as the first. */
  public static void sameBackend(String op, String[] params, ImageBase... imgs) {
    for (int i = 0; i < imgs.length; i++) {
      usable(op, params[i], imgs[i]);
    }
    for (int i = 1; i < imgs.length; i++) {
      if (imgs[i].backend() != imgs[0].backend()) {
        throw new IllegalArgumentException(String.format(
            "%s: %s is on the %s backend but %s is on the %s backend; images of different backends "
                + "cannot be mixed (copy through the host with Images.download/Images.upload)",
            op, params[i], imgs[i].backend().id(), params[0], imgs[0].backend().id()));
      }
    }
  }

  /** {@code img} and {@code other} must not be the same object. */
  public static void notAliased(String op, String p1, ImageBase a, String p2, ImageBase b) {
    if (a == b) {
      throw new IllegalArgumentException(op + ": " + p1 + " and " + p2
          + " must be different images (the operation would read pixels it already overwrote)");
    }
  }

  /** {@code value > 0}. */
  public static void positive(String op, String param, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(op + ": " + param + " must be positive, got " + value);
    }
  }

  /** {@code value > 0} and finite (NaN: "must be positive, got NaN"; ∞: "must be a finite number"). */
  public static void positive(String op, String param, float value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(op + ": " + param + " must be positive, got " + value);
    }
    finite(op, param, value);
  }

  /** A side of an operation's result: in 1..32768 ("must be positive", "must be at most 32768"). */
  public static void side(String op, String param, int value) {
    positive(op, param, value);
    if (value > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException(op + ": " + param + " must be at most " + ImageBase.MAX_SIDE + ", got "
          + value);
    }
  }

  /** A count of things is at least {@code min}: "op: must have at least 3 sides, got 2". */
  public static void atLeast(String op, String things, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          op + ": must have at least " + min + " " + things + ", got " + value);
    }
  }

  /** {@code value >= 0}. */
  public static void nonNegative(String op, String param, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(op + ": " + param + " must be non-negative, got " + value);
    }
  }

  /** {@code value >= 0} and finite: "op: strength must be non-negative, got -1.0" (NaN, ∞: "must be a finite number"). */
  public static void nonNegative(String op, String param, float value) {
    finite(op, param, value);
    if (value < 0) {
      throw new IllegalArgumentException(op + ": " + param + " must be non-negative, got " + value);
    }
  }

  /** {@code value <= max}: "op: radius too large (max 100), got 101". */
  public static void atMost(String op, String param, int value, int max) {
    if (value > max) {
      throw new IllegalArgumentException(op + ": " + param + " too large (max " + max + "), got " + value);
    }
  }

  /** {@code value} is finite (not NaN, not infinite). */
  public static void finite(String op, String param, float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(op + ": " + param + " must be a finite number, got " + value);
    }
  }

  /** {@code min <= value <= max}. */
  public static void range(String op, String param, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          op + ": " + param + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  /** {@code value} is one of {@code allowed}. */
  public static void oneOf(String op, String param, int value, int... allowed) {
    for (int a : allowed) {
      if (value == a) {
        return;
      }
    }
    throw new IllegalArgumentException(op + ": " + param + " must be one of "
        + Arrays.toString(allowed) + ", got " + value);
  }

  /**
   * A colour argument is present and its channels are finite: "Fill.color: rgba green must be a finite
   * number (NaN and infinity are not colours), got NaN in Rgba[...]".
   */
  public static Rgba color(String op, String param, Rgba c) {
    if (c == null) {
      throw new NullPointerException(op + ": " + param + " is null");
    }
    float[] channels = {c.r(), c.g(), c.b(), c.a()};
    String[] names = {"red", "green", "blue", "alpha"};
    for (int i = 0; i < 4; i++) {
      if (!Float.isFinite(channels[i])) {
        throw new IllegalArgumentException(op + ": " + param + " " + names[i] + " must be a finite number "
            + "(NaN and infinity are not colours), got " + channels[i] + " in " + c);
      }
    }
    return c;
  }

  /** An enum or object argument is present. */
  public static <T> T notNull(String op, String param, T value) {
    if (value == null) {
      throw new NullPointerException(op + ": " + param + " is null");
    }
    return value;
  }

  /** A host array or buffer holds exactly {@code expected} elements. */
  public static void length(String op, String param, long expected, long actual, String unit) {
    if (expected != actual) {
      throw new IllegalArgumentException(String.format("%s: Expected %d %s, got %d (%s)", op, expected, unit,
          actual, param));
    }
  }

  /** {@code value} is finite and in {@code 0..1}: "op: opacity must be in 0..1, got 1.5". */
  public static void unitInterval(String op, String param, float value) {
    finite(op, param, value);
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException(op + ": " + param + " must be in 0..1, got " + value);
    }
  }

  /**
   * {@code min <= value <= max}, the message led by the reference's fragment:
   * "Effect.stroke: Invalid stroke width: width must be in 1..1000, got 0".
   */
  public static void range(String op, String fragment, String param, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          op + ": " + fragment + ": " + param + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  /** An operation's result of {@code width × height} can be an image: each side at most 32768. */
  public static void resultSize(String op, long width, long height) {
    if (width > ImageBase.MAX_SIDE || height > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException(String.format(
          "%s: the result would be %dx%d, too large: each side must be at most %d", op, width, height,
          ImageBase.MAX_SIDE));
    }
  }
}
