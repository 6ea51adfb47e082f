package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.io.FileFormat;
import io.jimagecuda.internal.io.HostArrays;
import io.jimagecuda.internal.io.ImageFiles;
import io.jimagecuda.internal.io.RasterConversion;
import io.jimagecuda.internal.io.Rgba8;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Moving pixels: host transfers, device copies, float ↔ 8-bit conversion, image files, and bridges to
 * {@link BufferedImage} and plain Java arrays.
 *
 * <p>Host layout (spec §1.1): row-major, top row first, rows packed at the logical width, channels
 * interleaved R, G, B, A. Float data in byte form is little-endian IEEE-754. Transfers cover the
 * logical area ({@code width × height}) only.
 *
 * <p><b>Files.</b> Codecs run on the CPU (ImageIO with the TwelveMonkeys plugins). {@code load} decodes
 * to 8-bit RGBA, uploads it and converts on the device; {@code save} converts on the device, downloads
 * and encodes. Loading applies the EXIF orientation unless told not to, scales 16-bit and float samples
 * instead of clipping them and accepts grey, grey + alpha, palette and CMYK files; these are deliberate
 * differences from PyImageCUDA, listed in {@code docs/deviations.md}. Failures are checked
 * {@link IOException}s naming the file.
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
    if (image.byteSize() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("IO.download: " + image + " has " + image.byteSize()
          + " bytes, more than a Java array holds; use download(image, ByteBuffer) on a resized view instead");
    }
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

  /**
   * Loads an image file into a new float image on the {@linkplain JImageCuda#defaultBackend() default
   * backend}, applying its EXIF orientation. Same as {@code load(path, true)}.
   *
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IOException if the file cannot be decoded (the message names the path)
   */
  public static Image load(Path path) throws IOException {
    return load(path, null, null, true);
  }

  /**
   * Loads an image file into a new float image on the default backend; the caller closes it.
   *
   * @param autorotate whether to turn the image upright according to its EXIF orientation tag (the
   *     reference's default is {@code false}; pass {@code false} to reproduce it)
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IOException if the file cannot be decoded (the message names the path)
   * @see #load(Path, Image, ImageU8, boolean)
   */
  public static Image load(Path path, boolean autorotate) throws IOException {
    return load(path, null, null, autorotate);
  }

  /**
   * Loads an image file, decoding on the CPU, into {@code f32Buffer} or a new image.
   *
   * <p>Formats (detected from the content, not the name): PNG, JPEG (also CMYK/YCCK), BMP, TIFF, WebP and
   * GIF; the first frame of multi-image files. Pixels are decoded to straight 8-bit RGBA without colour
   * management: grey becomes {@code (g, g, g)}, missing alpha becomes 255, palettes are looked up,
   * 16-bit samples are scaled ({@code round(v·255/65535)}) and float samples are taken as 0..1. The
   * bytes are uploaded to the 8-bit buffer and converted on the device, so every channel is exactly
   * {@code v / 255}. With {@code autorotate} the EXIF orientation (1..8) of a JPEG, PNG, WebP or TIFF file
   * is applied, which swaps width and height for orientations 5..8.
   *
   * @param f32Buffer the destination, resized to the image size; null for a new image on the backend of
   *     {@code u8Buffer}, or else the default backend, that the caller closes
   * @param u8Buffer 8-bit scratch, resized to the image size; null for a temporary freed before return
   * @return {@code f32Buffer} if given, else the new image
   * @throws CapacityExceededException if a buffer is too small ("exceed buffer capacity"); buffers resized
   *     before the failure stay resized
   * @throws IllegalStateException if a buffer was freed
   * @throws IllegalArgumentException if the buffers are on different backends
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IOException if the file cannot be decoded or is larger than 32768 pixels a side (the
   *     message names the path)
   */
  public static Image load(Path path, Image f32Buffer, ImageU8 u8Buffer, boolean autorotate)
      throws IOException {
    Check.notNull("IO.load", "path", path);
    checkBuffers("IO.load", f32Buffer, u8Buffer);
    return fromRgba8("IO.load", ImageFiles.read(path, autorotate), f32Buffer, u8Buffer);
  }

  /**
   * Saves {@code image} to a file; same as {@code save(image, path, null, null)}.
   *
   * @throws IOException if encoding or writing fails (the message names the path)
   * @see #save(Image, Path, ImageU8, Integer)
   */
  public static void save(Image image, Path path) throws IOException {
    save(image, path, null, null);
  }

  /**
   * Converts {@code image} to 8 bits ({@link #convertFloatToU8}) and saves it in the format named by the
   * extension of {@code path} (any case): {@code .png} (8-bit RGBA), {@code .jpg}/{@code .jpeg} (alpha
   * flattened onto black: each colour becomes {@code trunc(c·a/255)}), {@code .bmp} (32-bit with alpha) or
   * {@code .tif}/{@code .tiff} (8-bit RGBA). An existing file is replaced; the file appears only once it
   * is complete, so a failure leaves no partial file. {@code image} is not changed.
   *
   * @param u8Buffer 8-bit scratch, resized to the image size; null for a temporary freed before return
   * @param quality JPEG quality 1..100, null for the encoder's default (75); from 90 up chroma is kept at
   *     full resolution (4:4:4), below it is subsampled (4:2:0), as libvips does; checked for every format
   *     but used only by JPEG
   * @throws IllegalArgumentException for an unsupported extension (the message lists the supported ones),
   *     a quality outside 1..100 or images on different backends
   * @throws CapacityExceededException if {@code u8Buffer} is too small
   * @throws IllegalStateException if {@code image} or {@code u8Buffer} was freed
   * @throws NoSuchFileException if the directory of {@code path} does not exist
   * @throws IOException if encoding or writing fails (the message names the path)
   */
  public static void save(Image image, Path path, ImageU8 u8Buffer, Integer quality) throws IOException {
    String op = "IO.save";
    FileFormat format = checkSave(op, image, path, quality);
    if (u8Buffer != null) {
      Check.sameBackend(op, new String[] {"image", "u8Buffer"}, image, u8Buffer);
      Check.resizeFor(op, "u8Buffer", u8Buffer, image.width(), image.height());
    }
    ImageU8 u8 = u8Buffer != null ? u8Buffer : new ImageU8(image.width(), image.height(), image.backend());
    try {
      convertFloatToU8(u8, image);
      ImageFiles.write(rgba8(u8), path, format, quality);
    } finally {
      if (u8Buffer == null) {
        u8.free();
      }
    }
  }

  /**
   * Saves an 8-bit image as is; same as {@code saveU8(image, path, null)}.
   *
   * @throws IOException if encoding or writing fails (the message names the path)
   * @see #saveU8(ImageU8, Path, Integer)
   */
  public static void saveU8(ImageU8 image, Path path) throws IOException {
    saveU8(image, path, null);
  }

  /**
   * Saves an 8-bit image without conversion; formats, quality and exceptions as in
   * {@link #save(Image, Path, ImageU8, Integer)}.
   *
   * @throws IOException if encoding or writing fails (the message names the path)
   */
  public static void saveU8(ImageU8 image, Path path, Integer quality) throws IOException {
    FileFormat format = checkSave("IO.saveU8", image, path, quality);
    ImageFiles.write(rgba8(image), path, format, quality);
  }

  private static FileFormat checkSave(String op, ImageBase image, Path path, Integer quality) {
    Check.usable(op, "image", image);
    Check.notNull(op, "path", path);
    if (quality != null) {
      Check.range(op, "quality", quality, 1, 100);
    }
    return FileFormat.forPath(op, path);
  }

  // ---------------------------------------------------------------- Java2D and host-array bridges

  /**
   * Copies an 8-bit image into a new {@link BufferedImage#TYPE_4BYTE_ABGR} (sRGB, straight alpha, the same
   * sample values). The image is not changed.
   *
   * @throws IllegalStateException if {@code image} was freed
   */
  public static BufferedImage toBufferedImage(ImageU8 image) {
    Check.usable("IO.toBufferedImage", "image", image);
    return rgba8(image).toBufferedImage();
  }

  /**
   * Converts a float image to 8 bits ({@link #convertFloatToU8}, through a temporary) and copies it into a
   * new {@link BufferedImage#TYPE_4BYTE_ABGR}. The image is not changed.
   *
   * @throws IllegalStateException if {@code image} was freed
   */
  public static BufferedImage toBufferedImage(Image image) {
    Check.usable("IO.toBufferedImage", "image", image);
    try (ImageU8 u8 = new ImageU8(image.width(), image.height(), image.backend())) {
      convertFloatToU8(u8, image);
      return rgba8(u8).toBufferedImage();
    }
  }

  /**
   * Copies a {@link BufferedImage} into a new float image on the default backend; the caller closes it.
   * Same as {@code fromBufferedImage(img, null, null)}.
   */
  public static Image fromBufferedImage(BufferedImage img) {
    return fromBufferedImage(img, null, null);
  }

  /**
   * Copies a {@link BufferedImage} of any type into {@code f32Buffer} or a new image. Samples are read
   * from the raster as {@link #load(Path, Image, ImageU8, boolean)} reads files (grey, palette, 16-bit,
   * float and premultiplied images included; no colour management), then converted as {@code v / 255}.
   * {@code img} is not changed.
   *
   * @param f32Buffer the destination, resized; null for a new image the caller closes (on the backend of
   *     {@code u8Buffer}, or else the default backend)
   * @param u8Buffer 8-bit scratch, resized; null for a temporary freed before return
   * @return {@code f32Buffer} if given, else the new image
   * @throws CapacityExceededException if a buffer is too small
   * @throws IllegalArgumentException if the buffers are on different backends or a side exceeds 32768
   */
  public static Image fromBufferedImage(BufferedImage img, Image f32Buffer, ImageU8 u8Buffer) {
    Check.notNull("IO.fromBufferedImage", "img", img);
    checkHostSize("IO.fromBufferedImage", img.getWidth(), img.getHeight());
    checkBuffers("IO.fromBufferedImage", f32Buffer, u8Buffer);
    return fromRgba8("IO.fromBufferedImage", RasterConversion.toRgba8(img), f32Buffer, u8Buffer);
  }

  /**
   * Creates a float image on the default backend from interleaved floats of shape
   * {@code (height, width, channels)}, uploaded as is; the caller closes it. Same as
   * {@code fromArray(data, height, width, channels, null)}.
   */
  public static Image fromArray(float[] data, int height, int width, int channels) {
    return fromArray(data, height, width, channels, null);
  }

  /**
   * Copies interleaved floats of shape {@code (height, width, channels)} into {@code f32Buffer} or a new
   * image. Channels: 1 (grey, copied to R, G and B), 3 (RGB) or 4 (RGBA); a missing alpha is 1. Values
   * are not scaled or clamped.
   *
   * @param f32Buffer the destination, resized; null for a new image on the default backend that the
   *     caller closes
   * @return {@code f32Buffer} if given, else the new image
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768, or
   *     {@code data.length != height·width·channels} ("Expected n floats, got m")
   * @throws CapacityExceededException if {@code f32Buffer} is too small
   */
  public static Image fromArray(float[] data, int height, int width, int channels, Image f32Buffer) {
    String op = "IO.fromArray";
    Check.notNull(op, "data", data);
    checkShape(op, data.length, height, width, channels, "floats");
    if (f32Buffer != null) {
      Check.resizeFor(op, "f32Buffer", f32Buffer, width, height);
    }
    Image dst = f32Buffer != null ? f32Buffer : new Image(width, height);
    try {
      upload(dst, HostArrays.toRgba(data, channels));
    } catch (RuntimeException e) {
      if (f32Buffer == null) {
        dst.free();
      }
      throw e;
    }
    return dst;
  }

  /**
   * Creates a float image on the default backend from interleaved bytes of shape
   * {@code (height, width, channels)}, each converted as {@code v / 255}; the caller closes it. Same as
   * {@code fromArray(data, height, width, channels, null, null)}.
   */
  public static Image fromArray(byte[] data, int height, int width, int channels) {
    return fromArray(data, height, width, channels, null, null);
  }

  /**
   * Copies interleaved 8-bit samples (unsigned) of shape {@code (height, width, channels)} into
   * {@code f32Buffer} or a new image: uploaded to an 8-bit image and converted on the device as
   * {@code v / 255}. Channels: 1 (grey, copied to R, G and B), 3 (RGB) or 4 (RGBA); a missing alpha is
   * 255.
   *
   * @param f32Buffer the destination, resized; null for a new image the caller closes (on the backend of
   *     {@code u8Buffer}, or else the default backend)
   * @param u8Buffer 8-bit scratch, resized; null for a temporary freed before return
   * @return {@code f32Buffer} if given, else the new image
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768,
   *     {@code data.length != height·width·channels} ("Expected n bytes, got m") or the buffers are on
   *     different backends
   * @throws CapacityExceededException if a buffer is too small
   */
  public static Image fromArray(byte[] data, int height, int width, int channels, Image f32Buffer,
      ImageU8 u8Buffer) {
    String op = "IO.fromArray";
    Check.notNull(op, "data", data);
    checkShape(op, data.length, height, width, channels, "bytes");
    checkBuffers(op, f32Buffer, u8Buffer);
    return fromRgba8(op, new Rgba8(width, height, HostArrays.toRgba(data, channels)), f32Buffer, u8Buffer);
  }

  /** The {@code width·height·4} float channels of {@code image}: same as {@link #download(Image)}. */
  public static float[] toArray(Image image) {
    return download(image);
  }

  /** A host array of {@code length} elements holds an image of shape (height, width, channels). */
  private static void checkShape(String op, int length, int height, int width, int channels, String unit) {
    Check.oneOf(op, "channels", channels, 1, 3, 4);
    checkHostSize(op, width, height);
    Check.length(op, "data", (long) height * width * channels, length, unit);
  }

  /** An image of this size can be created and its RGBA bytes held in one Java array. */
  private static void checkHostSize(String op, int width, int height) {
    Check.creationSize(width, height);
    if ((long) height * width * 4 > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(op + ": " + width + "x" + height
          + " RGBA does not fit in one Java array; upload the pixels in a ByteBuffer instead");
    }
  }

  // ---------------------------------------------------------------- shared by load and the bridges

  /** Buffers given to a producer must be usable and on one backend. */
  private static void checkBuffers(String op, Image f32Buffer, ImageU8 u8Buffer) {
    if (f32Buffer != null && u8Buffer != null) {
      Check.sameBackend(op, new String[] {"f32Buffer", "u8Buffer"}, f32Buffer, u8Buffer);
    } else if (f32Buffer != null) {
      Check.usable(op, "f32Buffer", f32Buffer);
    } else if (u8Buffer != null) {
      Check.usable(op, "u8Buffer", u8Buffer);
    }
  }

  /**
   * Uploads host pixels into {@code f32Buffer} (or a new image) through {@code u8Buffer} (or a temporary):
   * the bytes go to the 8-bit image, the device converts them to float.
   */
  private static Image fromRgba8(String op, Rgba8 pixels, Image f32Buffer, ImageU8 u8Buffer) {
    int w = pixels.width();
    int h = pixels.height();
    if (f32Buffer != null) {
      Check.resizeFor(op, "f32Buffer", f32Buffer, w, h);
    }
    if (u8Buffer != null) {
      Check.resizeFor(op, "u8Buffer", u8Buffer, w, h);
    }
    BackendKind kind = f32Buffer != null ? f32Buffer.backend()
        : u8Buffer != null ? u8Buffer.backend() : JImageCuda.defaultBackend();
    Image dst = f32Buffer;
    ImageU8 u8 = u8Buffer;
    boolean done = false;
    try {
      if (u8 == null) {
        u8 = new ImageU8(w, h, kind);
      }
      if (dst == null) {
        dst = new Image(w, h, kind);
      }
      upload(u8, pixels.data());
      convertU8ToFloat(dst, u8);
      done = true;
      return dst;
    } finally {
      if (u8Buffer == null && u8 != null) {
        u8.free();
      }
      if (!done && f32Buffer == null && dst != null) {
        dst.free();
      }
    }
  }

  /** Downloads an 8-bit image's logical area. */
  private static Rgba8 rgba8(ImageU8 image) {
    return new Rgba8(image.width(), image.height(), download(image));
  }
}
