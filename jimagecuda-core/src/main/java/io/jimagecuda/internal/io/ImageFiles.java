package io.jimagecuda.internal.io;

import io.jimagecuda.ImageBase;
import io.jimagecuda.JImageCudaException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.NodeList;

/**
 * Image files on the CPU: decoding into {@link Rgba8} and encoding from it.
 *
 * <p>Reading goes through ImageIO with the TwelveMonkeys plugins (CMYK JPEG, TIFF, WebP, BMP variants) and
 * the JDK's PNG reader; before any pixel is decoded the header's size is checked against the pixel limit
 * and the Java heap, and PNG and WebP files are checked for damage ({@link Damage}). Writing uses the
 * multi-threaded {@link PngEncoder} for PNG (from a whole image, or streamed strip by strip from a
 * {@link RowSource}: {@link #writePng}), libwebp (webp-imageio) for WebP, ImageIO for JPEG and TIFF, and
 * {@link BmpEncoder} for BMP. Those encoders get the downloaded pixels themselves, rearranged in place, so a
 * save needs no second copy of the image on the Java heap.
 */
public final class ImageFiles {
  /**
   * Formats {@link #read} accepts, as lower-case ImageIO format names (a reader qualifies if any of its
   * names is here: the JDK's TIFF reader is "tif" first, TwelveMonkeys' "tiff"). The format is detected
   * from the content, not the file name.
   */
  private static final Set<String> READABLE = Set.of("png", "jpeg", "bmp", "tif", "tiff", "webp", "gif");

  /** JPEG quality from which chroma is stored at full resolution, as libvips does. */
  private static final int FULL_CHROMA_QUALITY = 90;

  private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

  /** Host pixel arrays are Java arrays: at most this many bytes. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  /** The largest side a WebP file can hold (14 bits). */
  private static final int WEBP_MAX_SIDE = 16383;

  /**
   * The default PNG deflate level: ImageIO's PNG writer's (libvips and zlib use 6, which takes about three
   * times the CPU time of 4 for files about 8 % smaller on photographs).
   */
  private static final int DEFAULT_PNG_LEVEL = 4;

  /** libvips' and libwebp's default lossy quality. */
  private static final int DEFAULT_QUALITY = 75;

  /** How to turn damage errors off, appended to their messages. */
  private static final String ACCEPT_HINT = "to load what can be decoded, use Images.Load.withAcceptTruncated(true),"
      + " -Djimagecuda.load.acceptTruncated=true or the CLI's --accept-truncated";

  private ImageFiles() {
  }

  /**
   * Decodes the first image of the file at {@code path} to straight 8-bit RGBA (see {@link RasterConversion})
   * and, if asked, applies its EXIF orientation.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws AccessDeniedException if the file may not be read
   * @throws IOException if the file is not a readable regular file, cannot be decoded, is damaged (unless
   *     accepted), declares more pixels than allowed or needs more heap than the JVM has; the message names
   *     the path and the reason
   */
  public static Rgba8 read(Path path, ReadOptions options) throws IOException {
    checkReadable(path);
    ImageInputStream in;
    try {
      in = new FileImageInputStream(path.toFile());
    } catch (IOException e) {
      throw new IOException("Cannot load " + path + ": " + e.getMessage(), e);
    }
    try (in) {
      return decode(in, path.toString(), options);
    }
  }

  /**
   * Decodes encoded file content held in memory, as {@link #read(Path, ReadOptions)} decodes a file.
   *
   * @param name what the messages call the data (a file name, "image data (N bytes)")
   * @throws IOException if the data cannot be decoded, is damaged (unless accepted) or too large; the
   *     message names {@code name}
   */
  public static Rgba8 read(byte[] encoded, String name, ReadOptions options) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      return decode(in, name, options);
    }
  }

  /**
   * Decodes the content of {@code stream} (not closed), as {@link #read(Path, ReadOptions)} decodes a file.
   *
   * @param name what the messages call the data
   * @throws IOException if the stream cannot be read or decoded; the message names {@code name}
   */
  public static Rgba8 read(InputStream stream, String name, ReadOptions options) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(stream)) {
      return decode(in, name, options);
    }
  }

  /**
   * Encodes {@code img} as {@code format} into a new byte array: the same bytes {@link #write} puts in a
   * file. Like {@link #write}, it rearranges {@code img}'s array in place.
   *
   * @throws IOException if encoding fails
   */
  public static byte[] encode(Rgba8 img, FileFormat format, WriteOptions options) throws IOException {
    if (format == FileFormat.WEBP && (img.width() > WEBP_MAX_SIDE || img.height() > WEBP_MAX_SIDE)) {
      throw new IOException("Cannot encode " + img.width() + "x" + img.height() + " as WEBP: larger than WebP's "
          + WEBP_MAX_SIDE + " pixels per side; use PNG or TIFF instead");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, img.data().length / 8));
    try {
      encode(img, format, options, bytes);
    } catch (RuntimeException e) {
      throw new IOException("Cannot encode " + img.width() + "x" + img.height() + " as " + format + ": "
          + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes the image in {@code in} (positioned anywhere; read from byte 0); {@code name} names the source in
   * messages.
   */
  static Rgba8 decode(ImageInputStream in, String name, ReadOptions options) throws IOException {
    int orientation = options.autorotate() ? ExifOrientation.read(in) : 1;
    List<ImageReader> readers = readersFor(in, options.acceptTruncated());
    if (readers.isEmpty()) {
      throw new IOException("Cannot load " + name + ": not a PNG, JPEG, BMP, TIFF, WebP or GIF image");
    }
    for (int i = 0; ; i++) {
      try {
        return decodeWith(readers.get(i), in, name, options, orientation);
      } catch (LinkageError e) {
        // webp-imageio's native library is missing for this platform: the next reader (pure Java) decodes.
        if (i + 1 == readers.size()) {
          throw new IOException("Cannot load " + name + ": its decoder cannot run here (" + e + ")", e);
        }
        in.seek(0);
      } finally {
        readers.get(i).dispose();
      }
    }
  }

  private static Rgba8 decodeWith(ImageReader reader, ImageInputStream in, String name, ReadOptions options,
      int orientation) throws IOException {
    String format = formatOf(reader);
    try {
      String damage = Damage.find(in, format);
      if (damage != null && !options.acceptTruncated()) {
        throw new IOException("Cannot load " + name + " (" + format + "): " + damage + "; " + ACCEPT_HINT);
      }
      if (format.equals("png")) {
        Rgba8 direct = PngDecoder.decode(in, name, options, orientation);
        if (direct != null) {
          return ExifOrientation.apply(direct, orientation);
        }
        in.seek(0);
      }
      reader.setInput(in, false, true); // not seek-forward-only: another reader may start again at byte 0
      int width;
      int height;
      ImageTypeSpecifier type;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
        checkSize(name, width, height, options.maxPixels());
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        type = types.hasNext() ? types.next() : null;
      } catch (IOException | RuntimeException e) {
        if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("Cannot load ")) {
          throw io;
        }
        throw decodeFailure(name, format, "cannot read the header", e);
      } catch (OutOfMemoryError e) {
        // A header field sized an allocation before any pixel (found by fuzzing: a 101-byte TIFF whose
        // SamplesPerPixel is 2,113,929,216 made the TIFF reader ask for gigabytes); nothing was kept.
        throw new IOException("Cannot load " + name + " (" + format + "): its header declares a layout too large "
            + "to describe in memory (the decoder ran out of heap reading it: " + e.getMessage() + "); the file "
            + "is damaged or hostile", e);
      }
      long heapBytes = heapNeeded(type, width, height, orientation);
      checkHeap(name, format, width, height, heapBytes);
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      ImageReadParam param = reader.getDefaultReadParam();
      BufferedImage destination = null;
      if (options.acceptTruncated() && type != null) {
        // Decoded rows land here as they come, so a decoder that gives up part way leaves a partial image.
        destination = type.createBufferedImage(width, height);
        param.setDestination(destination);
      }
      BufferedImage decoded;
      try {
        decoded = reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        if (destination == null) {
          throw decodeFailure(name, format, "the data is damaged or truncated", e);
        }
        decoded = destination;
      } catch (OutOfMemoryError e) {
        throw new IOException("Cannot load " + name + ": the Java heap ran out while decoding " + width + "x"
            + height + " (" + format + ", about " + heapBytes + " bytes needed, "
            + Runtime.getRuntime().maxMemory() + " bytes of maximum heap); start Java with a larger -Xmx", e);
      }
      String warning = warnings.stream().filter(ImageFiles::isDamageWarning).findFirst().orElse(null);
      if (warning != null && !options.acceptTruncated()) {
        throw new IOException("Cannot load " + name + " (" + format + "): the data is damaged or truncated ("
            + warning + "); " + ACCEPT_HINT);
      }
      return ExifOrientation.apply(RasterConversion.toRgba8(decoded), orientation);
    } finally {
      reader.removeAllIIOReadWarningListeners();
    }
  }

  /** Fails if decoding needs more heap than the JVM may ever use. */
  static void checkHeap(String name, String format, int width, int height, long heapBytes) throws IOException {
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (heapBytes > maxHeap) {
      throw new IOException("Cannot load " + name + ": decoding " + width + "x" + height + " (" + format
          + ") needs about " + heapBytes + " bytes of Java heap, more than the maximum heap of " + maxHeap
          + " bytes; start Java with a larger -Xmx or load a smaller image");
    }
  }

  /** Warnings of the JPEG decoders (libjpeg's and the JDK's wording) that mean the data is incomplete. */
  private static boolean isDamageWarning(String warning) {
    String w = warning.toLowerCase(Locale.ROOT);
    return w.contains("premature end") || w.contains("corrupt") || w.contains("truncated")
        || w.contains("missing eoi");
  }

  /** Bytes of heap a decode needs: the decoder's image, the RGBA copy and, when rotating, one more. */
  private static long heapNeeded(@Nullable ImageTypeSpecifier type, int width, int height, int orientation) {
    long pixels = (long) width * height;
    long decodedPerPixel = 4;
    if (type != null) {
      SampleModel sm = type.getSampleModel(1, 1);
      decodedPerPixel = Math.max(1, (long) sm.getNumDataElements() * DataBuffer.getDataTypeSize(sm.getDataType()) / 8);
    }
    return pixels * (decodedPerPixel + 4 + (orientation == 1 ? 0 : 4));
  }

  /**
   * Encodes {@code img} as {@code format} into {@code path}, replacing any existing file. The data goes to a
   * temporary file in the same directory that is renamed over {@code path} only when complete, so a failure
   * leaves no partial file (and an existing file untouched).
   *
   * <p>{@code img}'s array is handed to the encoder and rearranged in place (to ABGR, or flattened BGR for
   * JPEG): the caller must not use it afterwards.
   *
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if encoding or writing fails; the message names the path
   */
  public static void write(Rgba8 img, Path path, FileFormat format, WriteOptions options) throws IOException {
    if (format == FileFormat.WEBP && (img.width() > WEBP_MAX_SIDE || img.height() > WEBP_MAX_SIDE)) {
      throw new IOException("Cannot save " + path + " as WEBP: " + img.width() + "x" + img.height()
          + " is larger than WebP's " + WEBP_MAX_SIDE + " pixels per side; save as PNG or TIFF instead");
    }
    if (format == FileFormat.PNG) {
      writePng(img.width(), img.height(), img.rows(), path, options);
      return;
    }
    writeAtomically(path, format, tmp -> encode(img, format, options, tmp));
  }

  /**
   * Writes a PNG of {@code width × height} pixels read from {@code rows} a strip at a time, as
   * {@link #write(Rgba8, Path, FileFormat, WriteOptions)} writes one from a whole image (the same bytes),
   * with only the strips in flight on the heap.
   *
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if encoding or writing fails; the message names the path
   */
  public static void writePng(int width, int height, RowSource rows, Path path, WriteOptions options)
      throws IOException {
    writeAtomically(path, FileFormat.PNG, tmp -> {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        PngEncoder.write(width, height, rows, pngLevel(options), out);
      }
    });
  }

  private static int pngLevel(WriteOptions options) {
    return options.compressionLevel() < 0 ? DEFAULT_PNG_LEVEL : options.compressionLevel();
  }

  /** Fills the temporary file that {@link #writeAtomically} then renames over the target. */
  @FunctionalInterface
  private interface TempFileWriter {
    void to(Path tmp) throws IOException;
  }

  /**
   * Has {@code writer} write a temporary file next to {@code path} and renames it over {@code path} when
   * complete: a failure leaves no partial file, and an existing file untouched.
   */
  private static void writeAtomically(Path path, FileFormat format, TempFileWriter writer) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      String why = Files.exists(dir) ? "its parent " + dir + " is not a directory" : "no such directory " + dir;
      throw new NoSuchFileException(dir.toString(), null, "cannot save " + path + ": " + why);
    }
    Path tmp = dir.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
    boolean moved = false;
    try {
      Files.createFile(tmp);
      writer.to(tmp);
      move(tmp, target);
      moved = true;
    } catch (FileSystemException e) {
      throw new IOException("Cannot save " + path + " as " + format + ": " + describe(e), e);
    } catch (JImageCudaException | IllegalStateException e) {
      throw e; // the image's backend failed while a streamed save read it: not a file problem
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot save " + path + " as " + format + ": " + e.getMessage(), e);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Same as {@link #write(Rgba8, Path, FileFormat, WriteOptions)} with only a quality. */
  public static void write(Rgba8 img, Path path, FileFormat format, int quality) throws IOException {
    write(img, path, format, new WriteOptions(quality, -1, false));
  }

  private static void encode(Rgba8 img, FileFormat format, WriteOptions options, Path file) throws IOException {
    // ImageIO writers seek back (TIFF offsets): a file stream, not a cache in memory
    try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
      if (format == FileFormat.BMP) {
        BmpEncoder.write(img, out);
      } else {
        encodeWithImageIo(format == FileFormat.JPEG ? img.flattenOnBlackInPlace() : img.toAbgrInPlace(), format,
            options, out);
      }
    }
  }

  private static void encode(Rgba8 img, FileFormat format, WriteOptions options, OutputStream out)
      throws IOException {
    switch (format) {
      case PNG -> {
        PngEncoder.write(img, pngLevel(options), out);
      }
      case BMP -> {
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
          BmpEncoder.write(img, ios);
        }
      }
      default -> {
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
          encodeWithImageIo(format == FileFormat.JPEG ? img.flattenOnBlackInPlace() : img.toAbgrInPlace(), format,
              options, ios);
        }
      }
    }
  }

  private static void encodeWithImageIo(BufferedImage image, FileFormat format, WriteOptions options,
      ImageOutputStream out) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.name().toLowerCase(Locale.ROOT));
    if (!writers.hasNext()) {
      throw new IOException("no ImageIO writer for " + format + " is installed");
    }
    ImageWriter writer = writers.next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = null;
      int quality = options.quality();
      if (format == FileFormat.JPEG && quality > 0) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        if (quality >= FULL_CHROMA_QUALITY) {
          metadata = withoutChromaSubsampling(writer, image, param);
        }
      } else if (format == FileFormat.WEBP) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(options.lossless() ? "Lossless" : "Lossy");
        if (!options.lossless()) {
          param.setCompressionQuality((quality > 0 ? quality : DEFAULT_QUALITY) / 100f);
        }
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  /**
   * JPEG metadata with every component sampled 1×1 (4:4:4). libvips, the reference's codec library,
   * turns chroma subsampling off from this quality up; below it both use 4:2:0.
   */
  private static IIOMetadata withoutChromaSubsampling(ImageWriter writer, BufferedImage image,
      ImageWriteParam param) throws IOException {
    IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
    NodeList components = root.getElementsByTagName("componentSpec");
    for (int i = 0; i < components.getLength(); i++) {
      IIOMetadataNode component = (IIOMetadataNode) components.item(i);
      component.setAttribute("HsamplingFactor", "1");
      component.setAttribute("VsamplingFactor", "1");
    }
    metadata.setFromTree(JPEG_METADATA, root);
    return metadata;
  }

  /**
   * A readable regular file, or an exception that says why not: no such file, permission denied (with the
   * operating system's reason where it gives one), a directory, a FIFO or device.
   */
  private static void checkReadable(Path path) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path.toString(), null, "cannot load: no such file");
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(path.toString(), null, "cannot load: permission denied");
    } catch (FileSystemException e) {
      throw new IOException("Cannot load " + path + ": " + describe(e), e);
    }
    if (attributes.isDirectory()) {
      throw new IOException("Cannot load " + path + ": it is a directory, not an image file");
    }
    if (!attributes.isRegularFile()) {
      throw new IOException("Cannot load " + path + ": it is not a regular file (a FIFO, socket or device);"
          + " images are read from regular files");
    }
    try (SeekableByteChannel channel = Files.newByteChannel(path)) {
      channel.size();
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(path.toString(), null, "cannot load: permission denied");
    } catch (FileSystemException e) {
      throw new IOException("Cannot load " + path + ": " + describe(e), e);
    }
  }

  /** A file-system failure in words: its kind and the operating system's reason where there is one. */
  static String describe(FileSystemException e) {
    String kind = e instanceof AccessDeniedException ? "permission denied"
        : e instanceof NoSuchFileException ? "no such file or directory"
        : e instanceof java.nio.file.FileAlreadyExistsException ? "the file already exists"
        : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
        : e instanceof java.nio.file.DirectoryNotEmptyException ? "the directory is not empty"
        : null;
    String reason = e.getReason();
    String file = e.getFile();
    StringBuilder b = new StringBuilder();
    b.append(kind != null ? kind : reason != null ? reason : e.getClass().getSimpleName());
    if (kind != null && reason != null) {
      b.append(" (").append(reason).append(')');
    }
    if (file != null) {
      b.append(" on ").append(file);
    }
    return b.toString();
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The readers of a {@link #READABLE} format that recognise the stream's content, best first. WebP goes to
   * webp-imageio's reader (libwebp, the reference's decoder, about ten times faster than TwelveMonkeys'
   * pure-Java one) first and to TwelveMonkeys' next (where libwebp cannot load, and first when damaged
   * files are accepted, since it leaves the rows it decoded in a partial image where libwebp fails).
   */
  private static List<ImageReader> readersFor(ImageInputStream in, boolean acceptTruncated) {
    List<ImageReader> readers = new ArrayList<>();
    for (Iterator<ImageReader> it = ImageIO.getImageReaders(in); it.hasNext(); ) {
      ImageReader reader = it.next();
      if (Arrays.stream(reader.getOriginatingProvider().getFormatNames())
          .anyMatch(name -> READABLE.contains(name.toLowerCase(Locale.ROOT)))) {
        readers.add(reader);
      }
    }
    readers.sort(Comparator.comparingInt(r -> isWebpImageio(r) != acceptTruncated ? 0 : 1));
    return readers;
  }

  private static boolean isWebpImageio(ImageReader reader) {
    return reader.getClass().getName().startsWith("com.luciad.");
  }

  private static String formatOf(ImageReader reader) {
    String[] names = reader.getOriginatingProvider().getFormatNames();
    for (String n : names) {
      String lower = n.toLowerCase(Locale.ROOT);
      if (READABLE.contains(lower)) {
        return lower.equals("tif") ? "tiff" : lower;
      }
    }
    return names[0].toLowerCase(Locale.ROOT);
  }

  /** A decoder's failure, with a message even when the decoder gave none (e.g. an early end of data). */
  private static IOException decodeFailure(String name, String format, String what, Exception e) {
    String detail = e.getMessage();
    if (detail == null || detail.isBlank() || detail.equals("null")) {
      detail = (e instanceof java.io.EOFException ? "the data ends early" : what) + " ("
          + e.getClass().getSimpleName() + ")";
    }
    return new IOException("Cannot decode " + name + " (" + format + "): " + detail, e);
  }

  static void checkSize(String name, int width, int height, long maxPixels) throws IOException {
    long pixels = (long) width * height;
    if (width < 1 || height < 1) {
      throw new IOException("Cannot load " + name + ": the header declares an empty image (" + width + "x" + height
          + ")");
    }
    if (pixels > maxPixels) {
      throw new IOException("Cannot load " + name + ": its header declares " + width + "x" + height + " = " + pixels
          + " pixels, more than the limit of " + maxPixels + " (a decompression-bomb guard); raise it with "
          + "Images.Load.withMaxPixels, -Djimagecuda.load.maxPixels or the CLI's --max-pixels if the file is trusted");
    }
    if (width > ImageBase.MAX_SIDE || height > ImageBase.MAX_SIDE || pixels * 4 > MAX_BYTES) {
      throw new IOException("Cannot load " + name + ": " + width + "x" + height + " is too large (at most "
          + ImageBase.MAX_SIDE + " pixels per side and " + MAX_BYTES / 4 + " pixels in all)");
    }
  }
}
