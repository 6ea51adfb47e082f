package io.jimagecuda;

import io.jimagecuda.internal.Check;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moving pixels: host transfers, device copies, float ↔ 8-bit conversion, and image files.
 *
 * <p>Host layout (spec §1.1): row-major, top row first, rows packed at the logical width, channels
 * interleaved R, G, B, A. Float data in byte form is little-endian IEEE-754. Transfers cover the
 * logical area ({@code width × height}) only.
 *
 * <pre>{@code
 * try (Image img = new Image(64, 32); ImageU8 u8 = new ImageU8(64, 32)) {
 *   Fill.color(img, Rgba.rgb(1, 0.5f, 0));
 *   IO.convertFloatToU8(u8, img);
 *   byte[] rgba = IO.download(u8); // 64 * 32 * 4 bytes
 * }
 * }</pre>
 */
public final class IO {
  private IO() {
  }

  // ---------------------------------------------------------------- host transfers

  /**
   * Copies {@code width·height·4} floats from {@code data} into {@code image}.
   *
   * @throws IllegalArgumentException "Expected n floats, got m" if the length differs
   * @throws IllegalStateException if the image was freed
   */
  public static void upload(Image image, float[] data) {
    Check.usable("IO.upload", "image", image);
    Check.notNull("IO.upload", "data", data);
    Check.length("IO.upload", "data", image.pixels() * 4, data.length, "floats");
    image.backendImpl().uploadFloats(image.storage(), data, 0, data.length);
  }

  /**
   * Copies {@code width·height·4} bytes from {@code data} into {@code image}.
   *
   * @throws IllegalArgumentException "Expected n bytes, got m" if the length differs
   */
  public static void upload(ImageU8 image, byte[] data) {
    Check.usable("IO.upload", "image", image);
    Check.notNull("IO.upload", "data", data);
    Check.length("IO.upload", "data", image.byteSize(), data.length, "bytes");
    image.backendImpl().uploadBytes(image.storage(), data, 0, data.length);
  }

  /**
   * Copies the remaining bytes of {@code data} into {@code image} without conversion (float images:
   * little-endian float32). The buffer's position is not changed; heap and direct buffers both work.
   *
   * @throws IllegalArgumentException "Expected n bytes, got m" unless exactly {@link ImageBase#byteSize()}
   *     bytes remain
   */
  public static void upload(ImageBase image, ByteBuffer data) {
    Check.usable("IO.upload", "image", image);
    Check.notNull("IO.upload", "data", data);
    Check.length("IO.upload", "data", image.byteSize(), data.remaining(), "bytes");
    image.backendImpl().uploadBuffer(image.storage(), data);
  }

  /** Returns the {@code width·height·4} float channels of {@code image}; waits for pending work. */
  public static float[] download(Image image) {
    Check.usable("IO.download", "image", image);
    long n = image.pixels() * 4;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("IO.download: " + image + " has " + n
          + " floats, more than a Java array holds; use download(image, ByteBuffer) per region instead");
    }
    float[] out = new float[(int) n];
    image.backendImpl().downloadFloats(image.storage(), out, 0, out.length);
    return out;
  }

  /** Returns the {@code width·height·4} bytes of {@code image}; waits for pending work. */
  public static byte[] download(ImageU8 image) {
    Check.usable("IO.download", "image", image);
    byte[] out = new byte[(int) image.byteSize()];
    image.backendImpl().downloadBytes(image.storage(), out, 0, out.length);
    return out;
  }

  /**
   * Copies the image's {@link ImageBase#byteSize()} bytes into {@code dst}'s remaining space (float
   * images as little-endian float32); the position is not changed.
   *
   * @throws IllegalArgumentException "Expected n bytes, got m" unless exactly that many bytes remain
   */
  public static void download(ImageBase image, ByteBuffer dst) {
    Check.usable("IO.download", "image", image);
    Check.notNull("IO.download", "dst", dst);
    Check.length("IO.download", "dst", image.byteSize(), dst.remaining(), "bytes");
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("IO.download: dst is read-only");
    }
    image.backendImpl().downloadBuffer(image.storage(), dst);
  }

  /** A little-endian direct buffer of {@code image.byteSize()} bytes, for {@link #download(ImageBase, ByteBuffer)}. */
  public static ByteBuffer allocateHostBuffer(ImageBase image) {
    return ByteBuffer.allocateDirect(Math.toIntExact(image.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
  }

  // ---------------------------------------------------------------- device copies and conversions

  /**
   * Resizes {@code dst} to {@code src}'s size and copies the pixels on the device.
   *
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void copy(Image dst, Image src) {
    copyImpl(dst, src);
  }

  /** 8-bit twin of {@link #copy(Image, Image)}. */
  public static void copy(ImageU8 dst, ImageU8 src) {
    copyImpl(dst, src);
  }

  private static void copyImpl(ImageBase dst, ImageBase src) {
    Check.sameBackend("IO.copy", new String[] {"dst", "src"}, dst, src);
    if (dst == src) {
      return;
    }
    Check.resizeFor("IO.copy", "dst", dst, src.width(), src.height());
    src.backendImpl().copy(dst.storage(), src.storage(), src.byteSize());
  }

  /**
   * Converts {@code src} to 8 bits into {@code dst} (resized to {@code src}'s size): per channel
   * {@code trunc(clamp(v, 0, 1)·255 + 0.5)}, rounding half up; NaN becomes 0.
   *
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void convertFloatToU8(ImageU8 dst, Image src) {
    Check.sameBackend("IO.convertFloatToU8", new String[] {"dst", "src"}, dst, src);
    Check.resizeFor("IO.convertFloatToU8", "dst", dst, src.width(), src.height());
    src.backendImpl().convert().floatToU8(dst.storage(), src.storage(), src.width(), src.height());
  }

  /**
   * Converts {@code src} to float into {@code dst} (resized to {@code src}'s size): {@code v / 255},
   * so 0 and 255 map to exactly 0 and 1.
   *
   * @throws CapacityExceededException if {@code dst} is too small
   */
  public static void convertU8ToFloat(Image dst, ImageU8 src) {
    Check.sameBackend("IO.convertU8ToFloat", new String[] {"dst", "src"}, dst, src);
    Check.resizeFor("IO.convertU8ToFloat", "dst", dst, src.width(), src.height());
    src.backendImpl().convert().u8ToFloat(dst.storage(), src.storage(), src.width(), src.height());
  }

  // ---------------------------------------------------------------- files
}
