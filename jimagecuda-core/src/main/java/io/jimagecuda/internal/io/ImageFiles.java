package io.jimagecuda.internal.io;

import io.jimagecuda.ImageBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Image files on the CPU: decoding into {@link Rgba8} and encoding from it, through ImageIO with the
 * TwelveMonkeys plugins (CMYK JPEG, TIFF, WebP, BMP variants) and {@link BmpEncoder}.
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

  private ImageFiles() {
  }

  /**
   * Decodes the first image of the file at {@code path} to straight 8-bit RGBA (see
   * {@link RasterConversion}) and, if {@code autorotate}, applies its EXIF orientation.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws IOException if the file cannot be read or decoded, or is too large; the message names the path
   */
  public static Rgba8 read(Path path, boolean autorotate) throws IOException {
    if (Files.readAttributes(path, BasicFileAttributes.class).isDirectory()) {
      throw new IOException("Cannot load " + path + ": it is a directory");
    }
    try (ImageInputStream in = open(path)) {
      return read(in, path.toString(), autorotate);
    }
  }

  /**
   * Decodes encoded file content held in memory, as {@link #read(Path, boolean)} decodes a file.
   *
   * @param name what the messages call the data (a file name, "bytes")
   * @throws IOException if the data cannot be decoded or is too large; the message names {@code name}
   */
  public static Rgba8 read(byte[] encoded, String name, boolean autorotate) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      return read(in, name, autorotate);
    }
  }

  /**
   * Decodes the content of {@code stream} (read to its end or to the end of the first image; not closed),
   * as {@link #read(Path, boolean)} decodes a file.
   *
   * @param name what the messages call the data
   * @throws IOException if the stream cannot be read or decoded; the message names {@code name}
   */
  public static Rgba8 read(InputStream stream, String name, boolean autorotate) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(stream)) {
      return read(in, name, autorotate);
    }
  }

  /**
   * Encodes {@code img} as {@code format} into a new byte array: the same bytes {@link #write} puts in a
   * file.
   *
   * @param quality as in {@link #write}
   * @throws IOException if encoding fails
   */
  public static byte[] encode(Rgba8 img, FileFormat format, int quality) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, img.data().length / 8));
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      encode(img, format, quality, out);
    } catch (RuntimeException e) {
      throw new IOException("Cannot encode " + img.width() + "x" + img.height() + " as " + format + ": "
          + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  private static Rgba8 read(ImageInputStream in, String path, boolean autorotate) throws IOException {
    int orientation = autorotate ? ExifOrientation.read(in) : 1;
    ImageReader reader = readerFor(in);
    if (reader == null) {
      throw new IOException("Cannot load " + path + ": not a PNG, JPEG, BMP, TIFF, WebP or GIF image");
    }
    try {
      reader.setInput(in, true, true);
      int width;
      int height;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw decodeFailure(path, reader, e);
      }
      checkSize(path, width, height);
      BufferedImage decoded;
      try {
        decoded = reader.read(0);
      } catch (IOException | RuntimeException e) {
        throw decodeFailure(path, reader, e);
      }
      return ExifOrientation.apply(RasterConversion.toRgba8(decoded), orientation);
    } finally {
      reader.dispose();
    }
  }

  /**
   * Encodes {@code img} as {@code format} into {@code path}, replacing any existing file. The data goes
   * to a temporary file in the same directory that is renamed over {@code path} only when complete, so
   * a failure leaves no partial file (and an existing file untouched).
   *
   * @param quality JPEG quality 1..100 (already validated), or a value ≤ 0 for the encoder's default (75); 4:4:4
   *     chroma from 90 up, else 4:2:0; ignored by the other formats
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if encoding or writing fails; the message names the path
   */
  public static void write(Rgba8 img, Path path, FileFormat format, int quality) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "cannot save " + path + ": no such directory");
    }
    Path tmp = dir.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
    boolean moved = false;
    try {
      Files.createFile(tmp);
      try (ImageOutputStream out = new FileImageOutputStream(tmp.toFile())) {
        encode(img, format, quality, out);
      }
      move(tmp, target);
      moved = true;
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot save " + path + " as " + format + ": " + e.getMessage(), e);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void encode(Rgba8 img, FileFormat format, int quality, ImageOutputStream out)
      throws IOException {
    if (format == FileFormat.BMP) {
      BmpEncoder.write(img, out);
      return;
    }
    BufferedImage image = format == FileFormat.JPEG ? img.flattenOnBlack() : img.toBufferedImage();
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format.name().toLowerCase(Locale.ROOT)).next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = null;
      if (format == FileFormat.JPEG && quality > 0) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        if (quality >= FULL_CHROMA_QUALITY) {
          metadata = withoutChromaSubsampling(writer, image, param);
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

  private static ImageInputStream open(Path path) throws IOException {
    ImageInputStream in;
    try {
      in = ImageIO.createImageInputStream(path.toFile());
    } catch (IOException e) {
      throw new IOException("Cannot open " + path + ": " + e.getMessage(), e);
    }
    if (in == null) {
      throw new IOException("Cannot open " + path + ": ImageIO has no stream for files");
    }
    return in;
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The first reader of a {@link #READABLE} format that recognises the stream's content, or null. */
  private static ImageReader readerFor(ImageInputStream in) {
    for (Iterator<ImageReader> it = ImageIO.getImageReaders(in); it.hasNext(); ) {
      ImageReader reader = it.next();
      if (Arrays.stream(reader.getOriginatingProvider().getFormatNames())
          .anyMatch(name -> READABLE.contains(name.toLowerCase(Locale.ROOT)))) {
        return reader;
      }
    }
    return null;
  }

  private static String formatOf(ImageReader reader) {
    return reader.getOriginatingProvider().getFormatNames()[0].toLowerCase(Locale.ROOT);
  }

  private static IOException decodeFailure(String path, ImageReader reader, Exception e) {
    return new IOException("Cannot decode " + path + " (" + formatOf(reader) + "): " + e.getMessage(), e);
  }

  private static void checkSize(String path, int width, int height) throws IOException {
    if (width > ImageBase.MAX_SIDE || height > ImageBase.MAX_SIDE || (long) width * height * 4 > MAX_BYTES) {
      throw new IOException("Cannot load " + path + ": " + width + "x" + height + " is too large (at most "
          + ImageBase.MAX_SIDE + " pixels per side and " + MAX_BYTES / 4 + " pixels in all)");
    }
  }
}
