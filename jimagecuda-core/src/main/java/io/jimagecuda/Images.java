package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.io.FileFormat;
import io.jimagecuda.internal.io.HostArrays;
import io.jimagecuda.internal.io.ImageFiles;
import io.jimagecuda.internal.io.RasterConversion;
import io.jimagecuda.internal.io.ReadOptions;
import io.jimagecuda.internal.io.Rgba8;
import io.jimagecuda.internal.io.WriteOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

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
 *   Images.convertFloatToU8(u8, img);
 *   byte[] rgba = Images.download(u8); // 64 * 32 * 4 bytes
 * }
 * }</pre>
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Images {
  private Images() {
  }

  // ---------------------------------------------------------------- host transfers

  /**
   * Copies {@code width·height·4} floats from {@code data} into {@code image}.
   *
   * @param image the destination; its logical area is overwritten
   * @param data RGBA floats in the host layout, exactly {@code width·height·4} of them
   * @throws IllegalArgumentException "Expected n floats, got m" if the length differs
   * @throws IllegalStateException if the image was freed
   */
  public static void upload(Image image, float[] data) {
    Check.usable("Images.upload", "image", image);
    Check.notNull("Images.upload", "data", data);
    Check.length("Images.upload", "data", image.pixels() * 4, data.length, "floats");
    try (Use u = Use.of("Images.upload", image)) {
      image.backendImpl().uploadFloats(image.storage(), data, 0, data.length);
    }
  }

  /**
   * Copies {@code width·height·4} bytes from {@code data} into {@code image}.
   *
   * @param image the destination; its logical area is overwritten
   * @param data RGBA bytes in the host layout, exactly {@code width·height·4} of them
   * @throws IllegalArgumentException "Expected n bytes, got m" if the length differs
   * @throws IllegalStateException if the image was freed
   */
  public static void upload(ImageU8 image, byte[] data) {
    Check.usable("Images.upload", "image", image);
    Check.notNull("Images.upload", "data", data);
    Check.length("Images.upload", "data", image.byteSize(), data.length, "bytes");
    try (Use u = Use.of("Images.upload", image)) {
      image.backendImpl().uploadBytes(image.storage(), data, 0, data.length);
    }
  }

  /**
   * Copies the remaining bytes of {@code data} into {@code image} without conversion (float images:
   * little-endian float32). The buffer's position is not changed; heap and direct buffers both work.
   *
   * @param image the destination; its logical area is overwritten
   * @param data the pixels from its position to its limit
   * @throws IllegalArgumentException "Expected n bytes, got m" unless exactly {@link ImageBase#byteSize()}
   *     bytes remain
   */
  public static void upload(ImageBase image, ByteBuffer data) {
    Check.usable("Images.upload", "image", image);
    Check.notNull("Images.upload", "data", data);
    Check.length("Images.upload", "data", image.byteSize(), data.remaining(), "bytes");
    try (Use u = Use.of("Images.upload", image)) {
      image.backendImpl().uploadBuffer(image.storage(), data);
    }
  }

  /**
   * Returns the {@code width·height·4} float channels of {@code image}; waits for pending work.
   *
   * @param image the source; not changed
   * @return the RGBA floats of the logical area in the host layout
   * @throws IllegalArgumentException if they do not fit in one Java array
   * @throws IllegalStateException if the image was freed
   */
  public static float[] download(Image image) {
    Check.usable("Images.download", "image", image);
    long n = image.pixels() * 4;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Images.download: " + image + " has " + n
          + " floats, more than a Java array holds; use download(image, ByteBuffer) per region instead");
    }
    float[] out = new float[(int) n];
    try (Use u = Use.of("Images.download", image)) {
      image.backendImpl().downloadFloats(image.storage(), out, 0, out.length);
    }
    return out;
  }

  /**
   * Returns the {@code width·height·4} bytes of {@code image}; waits for pending work.
   *
   * @param image the source; not changed
   * @return the RGBA bytes of the logical area in the host layout
   * @throws IllegalArgumentException if they do not fit in one Java array
   * @throws IllegalStateException if the image was freed
   */
  public static byte[] download(ImageU8 image) {
    Check.usable("Images.download", "image", image);
    if (image.byteSize() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Images.download: " + image + " has " + image.byteSize()
          + " bytes, more than a Java array holds; use download(image, ByteBuffer) instead");
    }
    byte[] out = new byte[(int) image.byteSize()];
    try (Use u = Use.of("Images.download", image)) {
      image.backendImpl().downloadBytes(image.storage(), out, 0, out.length);
    }
    return out;
  }

  /**
   * Copies the image's {@link ImageBase#byteSize()} bytes into {@code dst}'s remaining space (float
   * images as little-endian float32); the position is not changed.
   *
   * @param image the source; not changed
   * @param dst where the bytes go, from its position; writable
   * @throws IllegalArgumentException "Expected n bytes, got m" unless exactly that many bytes remain, or
   *     if {@code dst} is read-only
   * @throws IllegalStateException if the image was freed
   */
  public static void download(ImageBase image, ByteBuffer dst) {
    Check.usable("Images.download", "image", image);
    Check.notNull("Images.download", "dst", dst);
    Check.length("Images.download", "dst", image.byteSize(), dst.remaining(), "bytes");
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("Images.download: dst is read-only");
    }
    try (Use u = Use.of("Images.download", image)) {
      image.backendImpl().downloadBuffer(image.storage(), dst);
    }
  }

  /**
   * {@return a little-endian direct buffer of {@code image.byteSize()} bytes, for
   * {@link #download(ImageBase, ByteBuffer)}}
   *
   * @param image the image whose logical area the buffer is to hold
   */
  public static ByteBuffer allocateHostBuffer(ImageBase image) {
    return ByteBuffer.allocateDirect(Math.toIntExact(image.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
  }

  // ---------------------------------------------------------------- device copies and conversions

  /**
   * Sets {@code dst}'s logical size to {@code src}'s and copies the pixels on the device.
   *
   * @param dst the destination
   * @param src the source; not changed
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void copy(Image dst, Image src) {
    copyImpl(dst, src);
  }

  /**
   * 8-bit twin of {@link #copy(Image, Image)}.
   *
   * @param dst the destination
   * @param src the source; not changed
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void copy(ImageU8 dst, ImageU8 src) {
    copyImpl(dst, src);
  }

  private static void copyImpl(ImageBase dst, ImageBase src) {
    Check.sameBackend("Images.copy", new String[] {"dst", "src"}, dst, src);
    if (dst == src) {
      return;
    }
    Check.resizeFor("Images.copy", "dst", dst, src.width(), src.height());
    try (Use u = Use.of("Images.copy", dst, src)) {
      src.backendImpl().copy(dst.storage(), src.storage(), src.byteSize());
    }
  }

  /**
   * Converts {@code src} to 8 bits into {@code dst} (whose logical size becomes {@code src}'s): per channel
   * {@code trunc(clamp(v, 0, 1)·255 + 0.5)}, rounding half up; NaN becomes 0.
   *
   * @param dst the 8-bit destination
   * @param src the float source; not changed
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void convertFloatToU8(ImageU8 dst, Image src) {
    Check.sameBackend("Images.convertFloatToU8", new String[] {"dst", "src"}, dst, src);
    Check.resizeFor("Images.convertFloatToU8", "dst", dst, src.width(), src.height());
    try (Use u = Use.of("Images.convertFloatToU8", dst, src)) {
      src.backendImpl().convert().floatToU8(dst.storage(), src.storage(), src.width(), src.height());
    }
  }

  /**
   * Converts {@code src} to float into {@code dst} (whose logical size becomes {@code src}'s):
   * {@code v / 255}, so 0 and 255 map to exactly 0 and 1.
   *
   * @param dst the float destination
   * @param src the 8-bit source; not changed
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void convertU8ToFloat(Image dst, ImageU8 src) {
    Check.sameBackend("Images.convertU8ToFloat", new String[] {"dst", "src"}, dst, src);
    Check.resizeFor("Images.convertU8ToFloat", "dst", dst, src.width(), src.height());
    try (Use u = Use.of("Images.convertU8ToFloat", dst, src)) {
      src.backendImpl().convert().u8ToFloat(dst.storage(), src.storage(), src.width(), src.height());
    }
  }

  // ---------------------------------------------------------------- files

  /**
   * Options of {@link #load(Path, Load)} and {@link #loadInto(Image, Path, Load)}: an immutable value,
   * changed with the {@code withX} methods.
   *
   * <pre>{@code
   * Image img = Images.load(path, Images.Load.DEFAULTS.withAutorotate(false));
   * Image big = Images.load(trustedScan, Images.Load.DEFAULTS.withMaxPixels(400_000_000L));
   * }</pre>
   *
   * @param autorotate whether to turn the image upright according to its EXIF orientation tag; default
   *     {@code true}, as the reference documents (its code defaults to {@code false}; pass {@code false}
   *     to reproduce it, see {@code docs/deviations.md})
   * @param u8Buffer 8-bit scratch, resized to the image size; {@code null} (default) for a temporary
   *     freed before the call returns
   * @param maxPixels the most pixels ({@code width × height}) the file's header may declare; checked before
   *     any pixel is decoded, so a small file declaring a huge image (a decompression bomb) fails at once.
   *     {@link #CONFIGURED_MAX_PIXELS} (the default) takes {@link Config#loadMaxPixels()}, which is
   *     {@value Config#DEFAULT_LOAD_MAX_PIXELS} unless set
   * @param acceptTruncated {@code true}: a damaged file (truncated JPEG, PNG or WebP, a PNG chunk with a bad
   *     CRC) loads as far as it decodes, the rest left transparent black, like Pillow's
   *     {@code LOAD_TRUNCATED_IMAGES}; {@code false} (default): it fails with an {@link IOException} saying
   *     what is wrong, unless {@link Config#loadAcceptTruncated()} is on
   */
  public record Load(boolean autorotate, @Nullable ImageU8 u8Buffer, long maxPixels, boolean acceptTruncated) {
    /** The {@code maxPixels} that means "the configured limit", {@link Config#loadMaxPixels()}. */
    public static final long CONFIGURED_MAX_PIXELS = 0;
    /** EXIF orientation applied, no scratch buffer, the configured pixel limit, damaged files refused. */
    public static final Load DEFAULTS = new Load(true, null, CONFIGURED_MAX_PIXELS, false);

    /**
     * A copy with {@code autorotate} changed.
     *
     * @param autorotate whether to turn the image upright according to its EXIF orientation tag
     * @return a new {@code Load} with the other components of this one
     */
    public Load withAutorotate(boolean autorotate) {
      return new Load(autorotate, u8Buffer, maxPixels, acceptTruncated);
    }

    /**
     * A copy with {@code u8Buffer} changed; {@code null} for a temporary.
     *
     * @param u8Buffer 8-bit scratch, resized to the image size; {@code null} for a temporary
     * @return a new {@code Load} with the other components of this one
     */
    public Load withU8Buffer(@Nullable ImageU8 u8Buffer) {
      return new Load(autorotate, u8Buffer, maxPixels, acceptTruncated);
    }

    /**
     * A copy with {@code maxPixels} changed (positive, checked by the load).
     *
     * @param maxPixels the most pixels the file may declare, at least 1
     * @return a new {@code Load} with the other components of this one
     */
    public Load withMaxPixels(long maxPixels) {
      return new Load(autorotate, u8Buffer, maxPixels, acceptTruncated);
    }

    /**
     * A copy whose pixel limit is the configured one ({@link #CONFIGURED_MAX_PIXELS}).
     *
     * @return a new {@code Load} with the other components of this one
     */
    public Load withConfiguredMaxPixels() {
      return new Load(autorotate, u8Buffer, CONFIGURED_MAX_PIXELS, acceptTruncated);
    }

    /**
     * A copy with {@code acceptTruncated} changed.
     *
     * @param acceptTruncated whether damaged files load as far as they decode instead of failing
     * @return a new {@code Load} with the other components of this one
     */
    public Load withAcceptTruncated(boolean acceptTruncated) {
      return new Load(autorotate, u8Buffer, maxPixels, acceptTruncated);
    }
  }

  /**
   * Options of {@link #save(Image, Path, Save)}: an immutable value, changed with the {@code withX}
   * methods.
   *
   * <pre>{@code
   * Images.save(img, Path.of("photo.jpg"), Images.Save.DEFAULTS.withQuality(92).withU8Buffer(scratch));
   * Images.save(img, Path.of("fast.png"), Images.Save.DEFAULTS.withCompressionLevel(1));
   * Images.save(img, Path.of("exact.webp"), Images.Save.DEFAULTS.withLossless(true));
   * }</pre>
   *
   * @param quality JPEG and lossy WebP quality 1..100, or {@link #ENCODER_DEFAULT_QUALITY} (the default) for
   *     the encoder's own default (75, like the reference's absent quality); for JPEG from 90 up chroma is
   *     kept at full resolution (4:4:4), below it is subsampled (4:2:0), as libvips does; checked for every
   *     format but used only by JPEG and lossy WebP
   * @param u8Buffer 8-bit scratch for the conversion, resized to the image size; {@code null} (default)
   *     for a temporary freed before the call returns
   * @param compressionLevel PNG deflate level 0 (fastest, largest) .. 9 (slowest, smallest), or
   *     {@link #ENCODER_DEFAULT_COMPRESSION} (the default) for 4, ImageIO's PNG writer's level (libvips uses
   *     6, which costs about three times the CPU time for files about 8 % smaller on photographs); every row
   *     is filtered with the PNG predictors and the image is compressed in parallel segments, so files come
   *     out about half the size of ImageIO's at the same level; the pixels are the same at every level;
   *     checked for every format but used only by PNG
   * @param lossless WebP only: {@code true} stores the pixels exactly (libwebp's lossless mode, quality
   *     ignored); {@code false} (default) uses lossy VP8 at {@code quality}, as libvips does by default
   */
  public record Save(int quality, @Nullable ImageU8 u8Buffer, int compressionLevel, boolean lossless) {
    /** The {@code quality} that leaves the choice to the encoder (the reference's {@code quality=None}). */
    public static final int ENCODER_DEFAULT_QUALITY = -1;
    /** The {@code compressionLevel} that leaves the choice to the encoder (deflate level 4). */
    public static final int ENCODER_DEFAULT_COMPRESSION = -1;
    /** The encoders' default quality and compression, lossy WebP, no scratch buffer. */
    public static final Save DEFAULTS = new Save(ENCODER_DEFAULT_QUALITY, null, ENCODER_DEFAULT_COMPRESSION, false);

    /**
     * A copy with {@code quality} (1..100, checked by the save) changed.
     *
     * @param quality JPEG and lossy WebP quality 1..100 (checked by the save)
     * @return a new {@code Save} with the other components of this one
     */
    public Save withQuality(int quality) {
      return new Save(quality, u8Buffer, compressionLevel, lossless);
    }

    /**
     * A copy whose quality is the encoder's default ({@link #ENCODER_DEFAULT_QUALITY}).
     *
     * @return a new {@code Save} with the other components of this one
     */
    public Save withEncoderDefaultQuality() {
      return new Save(ENCODER_DEFAULT_QUALITY, u8Buffer, compressionLevel, lossless);
    }

    /**
     * A copy with {@code u8Buffer} changed; {@code null} for a temporary.
     *
     * @param u8Buffer 8-bit scratch for the conversion, resized to the image size; {@code null} for a temporary
     * @return a new {@code Save} with the other components of this one
     */
    public Save withU8Buffer(@Nullable ImageU8 u8Buffer) {
      return new Save(quality, u8Buffer, compressionLevel, lossless);
    }

    /**
     * A copy with {@code compressionLevel} (0..9, checked by the save) changed.
     *
     * @param compressionLevel PNG deflate level 0..9 (checked by the save)
     * @return a new {@code Save} with the other components of this one
     */
    public Save withCompressionLevel(int compressionLevel) {
      return new Save(quality, u8Buffer, compressionLevel, lossless);
    }

    /**
     * A copy whose compression level is the encoder's default ({@link #ENCODER_DEFAULT_COMPRESSION}).
     *
     * @return a new {@code Save} with the other components of this one
     */
    public Save withEncoderDefaultCompression() {
      return new Save(quality, u8Buffer, ENCODER_DEFAULT_COMPRESSION, lossless);
    }

    /**
     * A copy with {@code lossless} changed.
     *
     * @param lossless WebP only: whether to store the pixels exactly
     * @return a new {@code Save} with the other components of this one
     */
    public Save withLossless(boolean lossless) {
      return new Save(quality, u8Buffer, compressionLevel, lossless);
    }
  }

  /**
   * Loads an image file into a new float image on the {@linkplain JImageCuda#defaultBackend() default
   * backend}, applying its EXIF orientation; the caller closes it. Same as
   * {@code load(path, Load.DEFAULTS)}.
   *
   * @param path the file
   * @return the new image
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IOException if the file cannot be decoded (the message names the path)
   * @see #load(Path, Load)
   */
  public static Image load(Path path) throws IOException {
    return load(path, Load.DEFAULTS);
  }

  /**
   * Loads an image file, decoding on the CPU, into a new float image that the caller closes: on the
   * backend of {@code options.u8Buffer()} if given, else on the default backend.
   *
   * <p>Formats (detected from the content, not the name): PNG, JPEG (also CMYK/YCCK), BMP, TIFF, WebP and
   * GIF; the first frame of multi-image files. Pixels are decoded to straight 8-bit RGBA without colour
   * management: grey becomes {@code (g, g, g)}, missing alpha becomes 255, palettes are looked up,
   * 16-bit samples are scaled ({@code round(v·255/65535)}) and float samples are taken as 0..1. The
   * bytes are uploaded to the 8-bit buffer and converted on the device, so every channel is exactly
   * {@code v / 255}. With {@code autorotate} the EXIF orientation (1..8) of a JPEG, PNG, WebP or TIFF file
   * is applied, which swaps width and height for orientations 5..8.
   *
   * @param path the file
   * @param options autorotation and scratch buffer; {@link Load#DEFAULTS} for none
   * @return the new image
   * @throws NullPointerException if {@code path} or {@code options} is null
   * @throws CapacityExceededException if the scratch buffer is too small ("exceed buffer capacity")
   * @throws IllegalStateException if the scratch buffer was freed
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IllegalArgumentException if {@code options.maxPixels()} is neither positive nor
   *     {@link Load#CONFIGURED_MAX_PIXELS}, or a setting of {@link Config} it reads is malformed
   * @throws IOException if the file cannot be read (the reason, e.g. a directory, a FIFO, permission
   *     denied), cannot be decoded, is damaged (unless {@code acceptTruncated}), declares more pixels than
   *     {@code maxPixels} or more than 32768 a side, or needs more Java heap than the JVM may use; the
   *     message names the path and what is wrong
   */
  public static Image load(Path path, Load options) throws IOException {
    String op = "Images.load";
    Check.notNull(op, "path", path);
    Check.notNull(op, "options", options);
    checkBuffers(op, null, options.u8Buffer());
    return fromRgba8(op, ImageFiles.read(path, readOptions(op, options)), null, options.u8Buffer());
  }

  /**
   * Loads an image file into {@code dst}, applying its EXIF orientation. Same as
   * {@code loadInto(dst, path, Load.DEFAULTS)}.
   *
   * @param dst the destination; its logical size is set to the file's (after autorotation)
   * @param path the file
   * @throws CapacityExceededException if {@code dst} is too small ("exceed buffer capacity")
   * @throws IllegalStateException if {@code dst} was freed
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IOException if the file cannot be decoded (the message names the path)
   * @see #loadInto(Image, Path, Load)
   */
  public static void loadInto(Image dst, Path path) throws IOException {
    loadInto(dst, path, Load.DEFAULTS);
  }

  /**
   * Loads an image file into {@code dst}, whose logical size becomes the image's size; decoding and
   * conversion as in {@link #load(Path, Load)}.
   *
   * @param dst the destination; its logical size is set to the file's (after autorotation)
   * @param path the file
   * @param options autorotation and scratch buffer (on {@code dst}'s backend)
   * @throws CapacityExceededException if {@code dst} or the scratch buffer is too small ("exceed buffer
   *     capacity"); a buffer resized before the failure stays resized
   * @throws IllegalStateException if {@code dst} or the scratch buffer was freed
   * @throws IllegalArgumentException if {@code dst} and the scratch buffer are on different backends
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IllegalArgumentException if {@code options.maxPixels()} is neither positive nor
   *     {@link Load#CONFIGURED_MAX_PIXELS}, or a setting of {@link Config} it reads is malformed
   * @throws IOException if the file cannot be read (the reason, e.g. a directory, a FIFO, permission
   *     denied), cannot be decoded, is damaged (unless {@code acceptTruncated}), declares more pixels than
   *     {@code maxPixels} or more than 32768 a side, or needs more Java heap than the JVM may use; the
   *     message names the path and what is wrong
   */
  public static void loadInto(Image dst, Path path, Load options) throws IOException {
    String op = "Images.loadInto";
    Check.notNull(op, "dst", dst);
    Check.notNull(op, "path", path);
    Check.notNull(op, "options", options);
    checkBuffers(op, dst, options.u8Buffer());
    fromRgba8(op, ImageFiles.read(path, readOptions(op, options)), dst, options.u8Buffer());
  }

  /** The load options with the settings ({@link Config}) applied; checks {@code maxPixels}. */
  private static ReadOptions readOptions(String op, Load options) {
    long maxPixels = options.maxPixels();
    if (maxPixels == Load.CONFIGURED_MAX_PIXELS) {
      maxPixels = Config.loadMaxPixels();
    } else if (maxPixels < 1) {
      throw new IllegalArgumentException(op + ": maxPixels must be positive (or Images.Load.CONFIGURED_MAX_PIXELS),"
          + " got " + maxPixels);
    }
    boolean acceptTruncated = options.acceptTruncated() || Config.loadAcceptTruncated();
    return new ReadOptions(options.autorotate(), maxPixels, acceptTruncated);
  }

  /**
   * Saves {@code image} to a file; same as {@code save(image, path, Save.DEFAULTS)}.
   *
   * @param image the image; not changed
   * @param path the file; its extension names the format
   * @throws IllegalArgumentException for an unsupported extension
   * @throws IOException if encoding or writing fails (the message names the path)
   * @see #save(Image, Path, Save)
   */
  public static void save(Image image, Path path) throws IOException {
    save(image, path, Save.DEFAULTS);
  }

  /**
   * Saves {@code image} with a JPEG quality; same as
   * {@code save(image, path, Save.DEFAULTS.withQuality(quality))}.
   *
   * @param image the image; not changed
   * @param path the file; its extension names the format
   * @param quality 1..100, used only by JPEG (see {@link Save#quality()})
   * @throws IllegalArgumentException for an unsupported extension or a quality outside 1..100
   * @throws IOException if encoding or writing fails (the message names the path)
   */
  public static void save(Image image, Path path, int quality) throws IOException {
    save(image, path, Save.DEFAULTS.withQuality(quality));
  }

  /**
   * Converts {@code image} to 8 bits ({@link #convertFloatToU8}) and saves it in the format named by the
   * extension of {@code path} (any case): {@code .png} (8-bit RGBA), {@code .jpg}/{@code .jpeg} (alpha
   * flattened onto black: each colour becomes {@code trunc(c·a/255)}), {@code .bmp} (32-bit with alpha),
   * {@code .tif}/{@code .tiff} (8-bit RGBA) or {@code .webp} (RGBA, lossy at {@code quality} or lossless; at
   * most 16383 pixels a side). An existing file is replaced; the file appears only once it is complete, so a
   * failure leaves no partial file. {@code image} is not changed.
   *
   * <p>Memory: PNG is downloaded, filtered and compressed in parallel strips of rows, a bounded number in
   * flight, so a PNG save needs a few megabytes of heap per core whatever the image's size. The other
   * formats' encoders take the 8-bit pixels downloaded once ({@code width·height·4} bytes of heap), as they
   * are, without another copy.
   *
   * @param image the image; not changed
   * @param path the file; its extension names the format
   * @param options quality, PNG compression level, lossless WebP and scratch buffer; {@link Save#DEFAULTS}
   *     for the encoders' defaults
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for an unsupported extension (the message lists the supported ones),
   *     a quality that is neither in 1..100 nor {@link Save#ENCODER_DEFAULT_QUALITY}, a compression level
   *     that is neither in 0..9 nor {@link Save#ENCODER_DEFAULT_COMPRESSION}, or images on different backends
   * @throws CapacityExceededException if the scratch buffer is too small
   * @throws IllegalStateException if {@code image} or the scratch buffer was freed
   * @throws NoSuchFileException if the directory of {@code path} does not exist
   * @throws IOException if encoding or writing fails (the message names the path)
   */
  public static void save(Image image, Path path, Save options) throws IOException {
    String op = "Images.save";
    Check.notNull(op, "options", options);
    FileFormat format = checkSave(op, image, path, options.quality(), options.compressionLevel());
    ImageU8 u8Buffer = options.u8Buffer();
    if (u8Buffer != null) {
      Check.sameBackend(op, new String[] {"image", "u8Buffer"}, image, u8Buffer);
      Check.resizeFor(op, "u8Buffer", u8Buffer, image.width(), image.height());
    }
    ImageU8 u8 = u8Buffer != null ? u8Buffer : new ImageU8(image.width(), image.height(), image.backend());
    try {
      convertFloatToU8(u8, image);
      write(op, u8, path, format, writeOptions(options));
    } finally {
      if (u8Buffer == null) {
        u8.free();
      }
    }
  }

  /**
   * Saves an 8-bit image as is, with the encoder's default quality; same as
   * {@code saveU8(image, path, Save.ENCODER_DEFAULT_QUALITY)}.
   *
   * @param image the image; not changed
   * @param path the file; its extension names the format
   * @throws IllegalArgumentException for an unsupported extension
   * @throws IOException if encoding or writing fails (the message names the path)
   * @see #saveU8(ImageU8, Path, int)
   */
  public static void saveU8(ImageU8 image, Path path) throws IOException {
    saveU8(image, path, Save.ENCODER_DEFAULT_QUALITY);
  }

  /**
   * Saves an 8-bit image without conversion; formats, quality and exceptions as in
   * {@link #save(Image, Path, Save)}.
   *
   * @param image the image; not changed
   * @param path the file; its extension names the format
   * @param quality JPEG quality 1..100, or {@link Save#ENCODER_DEFAULT_QUALITY}
   * @throws IllegalArgumentException for an unsupported extension or a quality outside 1..100
   * @throws IOException if encoding or writing fails (the message names the path)
   */
  public static void saveU8(ImageU8 image, Path path, int quality) throws IOException {
    saveU8(image, path, Save.DEFAULTS.withQuality(quality));
  }

  /**
   * Saves an 8-bit image without conversion, with the encoder options of {@code options} (quality,
   * compression level, lossless WebP); its {@code u8Buffer} is not used. Formats and exceptions as in
   * {@link #save(Image, Path, Save)}.
   *
   * @param image the image; not changed
   * @param path the file; its extension names the format
   * @param options the encoder options; {@link Save#DEFAULTS} for the encoders' defaults
   * @throws IllegalArgumentException for an unsupported extension, a quality outside 1..100 or a compression
   *     level outside 0..9 (other than the defaults' sentinels)
   * @throws IOException if encoding or writing fails (the message names the path)
   */
  public static void saveU8(ImageU8 image, Path path, Save options) throws IOException {
    String op = "Images.saveU8";
    Check.notNull(op, "options", options);
    FileFormat format = checkSave(op, image, path, options.quality(), options.compressionLevel());
    write(op, image, path, format, writeOptions(options));
  }

  /**
   * Saves an 8-bit image: PNG streams it from the backend a strip of rows at a time (the heap holds the
   * strips in flight, not the image); the other formats' encoders take one downloaded copy.
   */
  private static void write(String op, ImageU8 image, Path path, FileFormat format, WriteOptions options)
      throws IOException {
    if (format != FileFormat.PNG) {
      ImageFiles.write(rgba8(image), path, format, options);
      return;
    }
    try (Use u = Use.of(op, image)) {
      long rowBytes = image.width() * 4L;
      ImageFiles.writePng(image.width(), image.height(), (y, count, dst, offset) -> image.backendImpl()
          .downloadBytes(image.storage(), y * rowBytes, dst, offset, Math.toIntExact(count * rowBytes)), path, options);
    }
  }

  private static WriteOptions writeOptions(Save options) {
    return new WriteOptions(options.quality(), options.compressionLevel(), options.lossless());
  }

  private static FileFormat checkSave(String op, ImageBase image, Path path, int quality, int compressionLevel) {
    Check.usable(op, "image", image);
    Check.notNull(op, "path", path);
    if (quality != Save.ENCODER_DEFAULT_QUALITY && (quality < 1 || quality > 100)) {
      throw new IllegalArgumentException(
          op + ": quality must be in 1..100 (or Images.Save.ENCODER_DEFAULT_QUALITY), got " + quality);
    }
    if (compressionLevel != Save.ENCODER_DEFAULT_COMPRESSION && (compressionLevel < 0 || compressionLevel > 9)) {
      throw new IllegalArgumentException(op + ": compressionLevel must be in 0..9 (or "
          + "Images.Save.ENCODER_DEFAULT_COMPRESSION), got " + compressionLevel);
    }
    return FileFormat.forPath(op, path);
  }

  // ---------------------------------------------------------------- in-memory files and host pictures

  /**
   * Decodes image file content held in memory to 8-bit RGBA on the CPU, without touching a backend: the
   * first half of {@link #load(byte[], Load)}, for programs that decode on their own threads. Formats and
   * sample conversion as in {@link #load(Path, Load)}.
   *
   * @param encoded the content of a PNG, JPEG, BMP, TIFF, WebP or GIF file
   * @param autorotate whether to apply the EXIF orientation (see {@link Load#autorotate()})
   * @return the decoded pixels
   * @throws NullPointerException if {@code encoded} is null
   * @throws IOException if the data cannot be decoded or is larger than 32768 pixels a side
   */
  public static HostImage decode(byte[] encoded, boolean autorotate) throws IOException {
    Check.notNull("Images.decode", "encoded", encoded);
    return hostImage(ImageFiles.read(encoded, "image data (" + encoded.length + " bytes)",
        readOptions("Images.decode", Load.DEFAULTS.withAutorotate(autorotate))));
  }

  /**
   * Decodes the image file content read from {@code in} (which is not closed) to 8-bit RGBA on the CPU; see
   * {@link #decode(byte[], boolean)}.
   *
   * @param in the stream, positioned at the start of the file content
   * @param autorotate whether to apply the EXIF orientation
   * @return the decoded pixels
   * @throws NullPointerException if {@code in} is null
   * @throws IOException if the stream cannot be read or its content decoded
   */
  public static HostImage decode(InputStream in, boolean autorotate) throws IOException {
    Check.notNull("Images.decode", "in", in);
    return hostImage(ImageFiles.read(in, "image stream",
        readOptions("Images.decode", Load.DEFAULTS.withAutorotate(autorotate))));
  }

  /**
   * Decodes an image file to 8-bit RGBA on the CPU; see {@link #decode(byte[], boolean)}.
   *
   * @param path the file
   * @param autorotate whether to apply the EXIF orientation
   * @return the decoded pixels
   * @throws NoSuchFileException if there is no file at {@code path}
   * @throws IOException if the file cannot be read or decoded (the message names the path)
   */
  public static HostImage decode(Path path, boolean autorotate) throws IOException {
    Check.notNull("Images.decode", "path", path);
    return hostImage(ImageFiles.read(path, readOptions("Images.decode", Load.DEFAULTS.withAutorotate(autorotate))));
  }

  /**
   * Encodes host pixels on the CPU as a file in memory: the second half of {@link #encode(Image, String, Save)}.
   * The bytes are those {@link #save(Image, Path, Save)} writes for the same pixels, format and quality.
   *
   * @param pixels the pixels
   * @param formatOrExtension {@code "png"}, {@code "jpg"}/{@code "jpeg"}, {@code "webp"}, {@code "bmp"} or
   *     {@code "tif"}/{@code "tiff"}, any case, with or without a leading dot
   * @param quality JPEG quality 1..100, or {@link Save#ENCODER_DEFAULT_QUALITY}; checked for every format,
   *     used only by JPEG
   * @return the encoded file content
   * @throws IllegalArgumentException for an unsupported format or quality
   * @throws IOException if encoding fails
   */
  public static byte[] encode(HostImage pixels, String formatOrExtension, int quality) throws IOException {
    String op = "Images.encode";
    Check.notNull(op, "pixels", pixels);
    FileFormat format = checkEncode(op, formatOrExtension, quality);
    // the encoder rearranges the array in place: give it a copy, the caller's pixels stay as they are
    return ImageFiles.encode(new Rgba8(pixels.width(), pixels.height(), pixels.rgba().clone()), format,
        new WriteOptions(quality, Save.ENCODER_DEFAULT_COMPRESSION, false));
  }

  /**
   * Converts {@code image} to 8 bits and encodes it as a file in memory: {@link #save(Image, Path, Save)}
   * without the file (the same bytes).
   *
   * @param image the image; not changed
   * @param formatOrExtension {@code "png"}, {@code "jpg"}/{@code "jpeg"}, {@code "webp"}, {@code "bmp"} or
   *     {@code "tif"}/{@code "tiff"}, any case, with or without a leading dot
   * @param options JPEG quality and scratch buffer; {@link Save#DEFAULTS} for neither
   * @return the encoded file content
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for an unsupported format or quality, or images on different backends
   * @throws CapacityExceededException if the scratch buffer is too small
   * @throws IllegalStateException if {@code image} or the scratch buffer was freed
   * @throws IOException if encoding fails
   */
  public static byte[] encode(Image image, String formatOrExtension, Save options) throws IOException {
    String op = "Images.encode";
    Check.usable(op, "image", image);
    Check.notNull(op, "options", options);
    FileFormat format = checkEncode(op, formatOrExtension, options.quality());
    return ImageFiles.encode(rgba8(op, image, options.u8Buffer()), format, writeOptions(options));
  }

  /**
   * Loads image file content held in memory into a new float image, exactly as {@link #load(Path, Load)}
   * loads a file: on the backend of {@code options.u8Buffer()} if given, else on the default backend.
   *
   * @param encoded the content of a PNG, JPEG, BMP, TIFF, WebP or GIF file
   * @param options autorotation and scratch buffer; {@link Load#DEFAULTS} for none
   * @return the new image, which the caller closes
   * @throws NullPointerException if an argument is null
   * @throws CapacityExceededException if the scratch buffer is too small
   * @throws IllegalStateException if the scratch buffer was freed
   * @throws IOException if the data cannot be decoded or is larger than 32768 pixels a side
   */
  public static Image load(byte[] encoded, Load options) throws IOException {
    String op = "Images.load";
    Check.notNull(op, "encoded", encoded);
    Check.notNull(op, "options", options);
    checkBuffers(op, null, options.u8Buffer());
    Rgba8 pixels = ImageFiles.read(encoded, "image data (" + encoded.length + " bytes)", readOptions(op, options));
    return fromRgba8(op, pixels, null, options.u8Buffer());
  }

  /**
   * Loads the image file content read from {@code in} (which is not closed) into a new float image, as
   * {@link #load(byte[], Load)} does.
   *
   * @param in the stream, positioned at the start of the file content
   * @param options autorotation and scratch buffer; {@link Load#DEFAULTS} for none
   * @return the new image, which the caller closes
   * @throws NullPointerException if an argument is null
   * @throws CapacityExceededException if the scratch buffer is too small
   * @throws IllegalStateException if the scratch buffer was freed
   * @throws IOException if the stream cannot be read or its content decoded
   */
  public static Image load(InputStream in, Load options) throws IOException {
    String op = "Images.load";
    Check.notNull(op, "in", in);
    Check.notNull(op, "options", options);
    checkBuffers(op, null, options.u8Buffer());
    return fromRgba8(op, ImageFiles.read(in, "image stream", readOptions(op, options)), null, options.u8Buffer());
  }

  /**
   * Uploads host pixels into a new float image on {@code backend} (each channel {@code v / 255}, converted
   * on the device): the second half of a load.
   *
   * @param pixels the pixels
   * @param backend where the new image lives; {@link BackendKind#CUDA} means the calling thread's
   *     device (see {@link JImageCuda#useCudaDevice(int)})
   * @return the new image, which the caller closes
   * @throws NullPointerException if an argument is null
   * @throws BackendUnavailableException if that backend cannot run here
   */
  public static Image fromHostImage(HostImage pixels, BackendKind backend) {
    String op = "Images.fromHostImage";
    Check.notNull(op, "pixels", pixels);
    Check.notNull(op, "backend", backend);
    Rgba8 rgba = new Rgba8(pixels.width(), pixels.height(), pixels.rgba());
    try (ImageU8 u8 = new ImageU8(pixels.width(), pixels.height(), backend)) {
      return fromRgba8(op, rgba, null, u8);
    }
  }

  /**
   * Converts {@code image} to 8 bits on its backend ({@link #convertFloatToU8}) and downloads the result:
   * the first half of a save. Waits for the image's pending work.
   *
   * @param image the image; not changed
   * @return the pixels of its logical area
   * @throws IllegalStateException if {@code image} was freed
   */
  public static HostImage toHostImage(Image image) {
    Check.usable("Images.toHostImage", "image", image);
    return hostImage(rgba8("Images.toHostImage", image, null));
  }

  /**
   * {@link #toHostImage(Image)} through a caller's 8-bit scratch buffer instead of a temporary.
   *
   * @param image the image; not changed
   * @param u8Buffer 8-bit scratch on {@code image}'s backend, resized to the image size
   * @return the pixels of its logical area
   * @throws CapacityExceededException if the scratch buffer is too small
   * @throws IllegalArgumentException if the images are on different backends
   * @throws IllegalStateException if an image was freed
   */
  public static HostImage toHostImage(Image image, ImageU8 u8Buffer) {
    Check.notNull("Images.toHostImage", "u8Buffer", u8Buffer);
    return hostImage(rgba8("Images.toHostImage", image, u8Buffer));
  }

  private static FileFormat checkEncode(String op, String formatOrExtension, int quality) {
    Check.notNull(op, "formatOrExtension", formatOrExtension);
    if (quality != Save.ENCODER_DEFAULT_QUALITY && (quality < 1 || quality > 100)) {
      throw new IllegalArgumentException(
          op + ": quality must be in 1..100 (or Images.Save.ENCODER_DEFAULT_QUALITY), got " + quality);
    }
    return FileFormat.forName(op, formatOrExtension);
  }

  /** Converts a float image to 8 bits through {@code u8Buffer} (or a temporary) and downloads it. */
  private static Rgba8 rgba8(String op, Image image, @Nullable ImageU8 u8Buffer) {
    if (u8Buffer != null) {
      Check.sameBackend(op, new String[] {"image", "u8Buffer"}, image, u8Buffer);
      Check.resizeFor(op, "u8Buffer", u8Buffer, image.width(), image.height());
    }
    ImageU8 u8 = u8Buffer != null ? u8Buffer : new ImageU8(image.width(), image.height(), image.backend());
    try {
      convertFloatToU8(u8, image);
      return rgba8(u8);
    } finally {
      if (u8Buffer == null) {
        u8.free();
      }
    }
  }

  private static HostImage hostImage(Rgba8 pixels) {
    return new HostImage(pixels.width(), pixels.height(), pixels.data());
  }

  // ---------------------------------------------------------------- Java2D and host-array bridges

  /**
   * Copies an 8-bit image into a new {@link BufferedImage#TYPE_4BYTE_ABGR} (sRGB, straight alpha, the same
   * sample values). The image is not changed.
   *
   * @param image the source
   * @return a new {@code BufferedImage} of the logical size
   * @throws IllegalStateException if {@code image} was freed
   */
  public static BufferedImage toBufferedImage(ImageU8 image) {
    Check.usable("Images.toBufferedImage", "image", image);
    return rgba8(image).toAbgrInPlace(); // over the downloaded array: no second copy
  }

  /**
   * Converts a float image to 8 bits ({@link #convertFloatToU8}, through a temporary) and copies it into a
   * new {@link BufferedImage#TYPE_4BYTE_ABGR}. The image is not changed.
   *
   * @param image the source
   * @return a new {@code BufferedImage} of the logical size
   * @throws IllegalStateException if {@code image} was freed
   */
  public static BufferedImage toBufferedImage(Image image) {
    Check.usable("Images.toBufferedImage", "image", image);
    try (ImageU8 u8 = new ImageU8(image.width(), image.height(), image.backend())) {
      convertFloatToU8(u8, image);
      return rgba8(u8).toAbgrInPlace();
    }
  }

  /**
   * Copies a {@link BufferedImage} of any type into a new float image on the default backend; the caller
   * closes it. Samples are read as {@link #fromBufferedImageInto(Image, BufferedImage)} reads them.
   *
   * @param img the picture; not changed
   * @return the new image
   * @throws IllegalArgumentException if a side exceeds 32768
   */
  public static Image fromBufferedImage(BufferedImage img) {
    String op = "Images.fromBufferedImage";
    Check.notNull(op, "img", img);
    checkHostSize(op, img.getWidth(), img.getHeight());
    return fromRgba8(op, RasterConversion.toRgba8(img), null, null);
  }

  /**
   * Copies a {@link BufferedImage} into {@code dst} through a temporary 8-bit image; same as
   * {@link #fromBufferedImageInto(Image, BufferedImage, ImageU8)} without a scratch buffer.
   *
   * @param dst the destination; its logical size is set to {@code img}'s
   * @param img the picture; not changed
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if a side exceeds 32768
   */
  public static void fromBufferedImageInto(Image dst, BufferedImage img) {
    fromBufferedImageInto(dst, img, null, "Images.fromBufferedImageInto");
  }

  /**
   * Copies a {@link BufferedImage} of any type into {@code dst}. Samples are read from the raster as
   * {@link #load(Path, Load)} reads files (grey, palette, 16-bit, float and premultiplied images included;
   * no colour management), uploaded to {@code u8Buffer} and converted as {@code v / 255}. {@code img} is
   * not changed.
   *
   * @param dst the destination; its logical size is set to {@code img}'s
   * @param img the picture; not changed
   * @param u8Buffer 8-bit scratch on {@code dst}'s backend, resized
   * @throws CapacityExceededException if {@code dst} or {@code u8Buffer} is too small
   * @throws IllegalArgumentException if the images are on different backends or a side exceeds 32768
   */
  public static void fromBufferedImageInto(Image dst, BufferedImage img, ImageU8 u8Buffer) {
    String op = "Images.fromBufferedImageInto";
    Check.notNull(op, "u8Buffer", u8Buffer);
    fromBufferedImageInto(dst, img, u8Buffer, op);
  }

  private static void fromBufferedImageInto(Image dst, BufferedImage img, @Nullable ImageU8 u8Buffer,
      String op) {
    Check.notNull(op, "dst", dst);
    Check.notNull(op, "img", img);
    checkHostSize(op, img.getWidth(), img.getHeight());
    checkBuffers(op, dst, u8Buffer);
    fromRgba8(op, RasterConversion.toRgba8(img), dst, u8Buffer);
  }

  /**
   * Creates a float image on the default backend from interleaved floats of shape
   * {@code (height, width, channels)} (row-major: {@code width} values of {@code channels} per row),
   * uploaded as is; the caller closes it. Channels as in
   * {@link #fromArrayInto(Image, float[], int, int, int)}.
   *
   * @param data interleaved floats, row-major, {@code width·height·channels} of them
   * @param width the width in pixels
   * @param height the height in pixels
   * @param channels 1 (grey), 3 (RGB) or 4 (RGBA)
   * @return the new image
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768, or
   *     {@code data.length != width·height·channels} ("Expected n floats, got m")
   */
  public static Image fromArray(float[] data, int width, int height, int channels) {
    String op = "Images.fromArray";
    Check.notNull(op, "data", data);
    checkShape(op, data.length, width, height, channels, "floats");
    Image dst = new Image(width, height);
    try {
      upload(dst, HostArrays.toRgba(data, channels));
    } catch (RuntimeException e) {
      dst.free();
      throw e;
    }
    return dst;
  }

  /**
   * Copies interleaved floats of shape {@code (height, width, channels)} into {@code dst}, whose logical
   * size becomes {@code width × height}. Channels: 1 (grey, copied to R, G and B), 3 (RGB) or 4 (RGBA); a
   * missing alpha is 1. Values are not scaled or clamped.
   *
   * @param dst the destination
   * @param data interleaved floats, row-major, {@code width·height·channels} of them
   * @param width the width in pixels
   * @param height the height in pixels
   * @param channels 1 (grey), 3 (RGB) or 4 (RGBA)
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768, or
   *     {@code data.length != width·height·channels} ("Expected n floats, got m")
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalStateException if {@code dst} was freed
   */
  public static void fromArrayInto(Image dst, float[] data, int width, int height, int channels) {
    String op = "Images.fromArrayInto";
    Check.notNull(op, "dst", dst);
    Check.notNull(op, "data", data);
    checkShape(op, data.length, width, height, channels, "floats");
    Check.resizeFor(op, "dst", dst, width, height);
    upload(dst, HostArrays.toRgba(data, channels));
  }

  /**
   * Creates a float image on the default backend from interleaved 8-bit samples (unsigned) of shape
   * {@code (height, width, channels)}, each converted as {@code v / 255}; the caller closes it. Channels
   * as in {@link #fromArrayInto(Image, byte[], int, int, int, ImageU8)}.
   *
   * @param data interleaved unsigned bytes, row-major, {@code width·height·channels} of them
   * @param width the width in pixels
   * @param height the height in pixels
   * @param channels 1 (grey), 3 (RGB) or 4 (RGBA)
   * @return the new image
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768, or
   *     {@code data.length != width·height·channels} ("Expected n bytes, got m")
   */
  public static Image fromArray(byte[] data, int width, int height, int channels) {
    String op = "Images.fromArray";
    Check.notNull(op, "data", data);
    checkShape(op, data.length, width, height, channels, "bytes");
    return fromRgba8(op, new Rgba8(width, height, HostArrays.toRgba(data, channels)), null, null);
  }

  /**
   * Copies interleaved 8-bit samples into {@code dst} through a temporary 8-bit image; same as
   * {@link #fromArrayInto(Image, byte[], int, int, int, ImageU8)} without a scratch buffer.
   *
   * @param dst the destination; its logical size becomes {@code width × height}
   * @param data interleaved unsigned bytes, row-major, {@code width·height·channels} of them
   * @param width the width in pixels
   * @param height the height in pixels
   * @param channels 1 (grey), 3 (RGB) or 4 (RGBA)
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768 or
   *     {@code data.length != width·height·channels}
   * @throws CapacityExceededException if {@code dst} is too small
   */
  public static void fromArrayInto(Image dst, byte[] data, int width, int height, int channels) {
    fromArrayInto(dst, data, width, height, channels, null, "Images.fromArrayInto");
  }

  /**
   * Copies interleaved 8-bit samples (unsigned) of shape {@code (height, width, channels)} into
   * {@code dst}, whose logical size becomes {@code width × height}: uploaded to {@code u8Buffer} and
   * converted on the device as {@code v / 255}. Channels: 1 (grey, copied to R, G and B), 3 (RGB) or 4
   * (RGBA); a missing alpha is 255.
   *
   * @param dst the destination
   * @param data interleaved unsigned bytes, row-major, {@code width·height·channels} of them
   * @param width the width in pixels
   * @param height the height in pixels
   * @param channels 1 (grey), 3 (RGB) or 4 (RGBA)
   * @param u8Buffer 8-bit scratch on {@code dst}'s backend, resized
   * @throws IllegalArgumentException if {@code channels} is not 1, 3 or 4, a side is not in 1..32768,
   *     {@code data.length != width·height·channels} ("Expected n bytes, got m") or the images are on
   *     different backends
   * @throws CapacityExceededException if {@code dst} or {@code u8Buffer} is too small
   */
  public static void fromArrayInto(Image dst, byte[] data, int width, int height, int channels,
      ImageU8 u8Buffer) {
    String op = "Images.fromArrayInto";
    Check.notNull(op, "u8Buffer", u8Buffer);
    fromArrayInto(dst, data, width, height, channels, u8Buffer, op);
  }

  private static void fromArrayInto(Image dst, byte[] data, int width, int height, int channels,
      @Nullable ImageU8 u8Buffer, String op) {
    Check.notNull(op, "dst", dst);
    Check.notNull(op, "data", data);
    checkShape(op, data.length, width, height, channels, "bytes");
    checkBuffers(op, dst, u8Buffer);
    fromRgba8(op, new Rgba8(width, height, HostArrays.toRgba(data, channels)), dst, u8Buffer);
  }

  /**
   * The {@code width·height·4} float channels of {@code image}: same as {@link #download(Image)}.
   *
   * @param image the source; not changed
   * @return the RGBA floats of the logical area, row-major: shape {@code (height, width, 4)}
   */
  public static float[] toArray(Image image) {
    return download(image);
  }

  /** A host array of {@code length} elements holds an image of shape (height, width, channels). */
  private static void checkShape(String op, int length, int width, int height, int channels, String unit) {
    Check.oneOf(op, "channels", channels, 1, 3, 4);
    checkHostSize(op, width, height);
    Check.length(op, "data", (long) width * height * channels, length, unit);
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
  private static void checkBuffers(String op, @Nullable Image dst, @Nullable ImageU8 u8Buffer) {
    if (dst != null && u8Buffer != null) {
      Check.sameBackend(op, new String[] {"dst", "u8Buffer"}, dst, u8Buffer);
    } else if (dst != null) {
      Check.usable(op, "dst", dst);
    } else if (u8Buffer != null) {
      Check.usable(op, "u8Buffer", u8Buffer);
    }
  }

  /**
   * Uploads host pixels into {@code dst} (or a new image) through {@code u8Buffer} (or a temporary): the
   * bytes go to the 8-bit image, the device converts them to float.
   */
  private static Image fromRgba8(String op, Rgba8 pixels, @Nullable Image dstOrNull,
      @Nullable ImageU8 u8Buffer) {
    int w = pixels.width();
    int h = pixels.height();
    if (dstOrNull != null) {
      Check.resizeFor(op, "dst", dstOrNull, w, h);
    }
    if (u8Buffer != null) {
      Check.resizeFor(op, "u8Buffer", u8Buffer, w, h);
    }
    BackendKind kind = dstOrNull != null ? dstOrNull.backend()
        : u8Buffer != null ? u8Buffer.backend() : JImageCuda.defaultBackend();
    Image dst = dstOrNull;
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
      if (!done && dstOrNull == null && dst != null) {
        dst.free();
      }
    }
  }

  /** Downloads an 8-bit image's logical area. */
  private static Rgba8 rgba8(ImageU8 image) {
    return new Rgba8(image.width(), image.height(), download(image));
  }
}
