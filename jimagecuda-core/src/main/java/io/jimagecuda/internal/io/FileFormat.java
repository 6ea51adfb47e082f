package io.jimagecuda.internal.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code Images.save} writes, chosen by file extension (any case). */
public enum FileFormat {
  /** 8-bit RGBA PNG. */
  PNG("png"),
  /** Baseline JPEG; alpha is flattened onto black. */
  JPEG("jpg", "jpeg"),
  /** 32-bit BMP with an alpha mask (BITMAPV4HEADER). */
  BMP("bmp"),
  /** 8-bit RGBA TIFF, unassociated alpha. */
  TIFF("tif", "tiff");

  private final String[] extensions;

  FileFormat(String... extensions) {
    this.extensions = extensions;
  }

  /**
   * The format for {@code path}'s extension.
   *
   * @throws IllegalArgumentException naming the extension and the supported ones
   */
  public static FileFormat forPath(String op, Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      if (Arrays.asList(f.extensions).contains(ext)) {
        return f;
      }
    }
    String what = dot < 0 ? "has no file extension" : "has the unsupported extension ." + ext;
    String webp = ext.equals("webp") ? " (WebP can be loaded but not saved)" : "";
    throw new IllegalArgumentException(op + ": " + path + " " + what + "; supported: " + supported() + webp);
  }

  /**
   * The format named {@code formatOrExtension}: an extension with or without its dot, any case
   * ({@code "png"}, {@code ".JPG"}, {@code "jpeg"}, {@code "tif"}).
   *
   * @throws IllegalArgumentException naming the value and the supported ones
   */
  public static FileFormat forName(String op, String formatOrExtension) {
    String ext = formatOrExtension.trim().toLowerCase(Locale.ROOT);
    if (ext.startsWith(".")) {
      ext = ext.substring(1);
    }
    for (FileFormat f : values()) {
      if (Arrays.asList(f.extensions).contains(ext)) {
        return f;
      }
    }
    String webp = ext.equals("webp") ? " (WebP can be loaded but not saved)" : "";
    throw new IllegalArgumentException(op + ": unsupported format '" + formatOrExtension + "'; supported: "
        + supported() + webp);
  }

  /** {@return the usual file extension of this format, without the dot: png, jpg, bmp or tif} */
  public String extension() {
    return extensions[0];
  }

  /** The supported extensions, e.g. {@code ".png, .jpg, .jpeg, .bmp, .tif, .tiff"}. */
  public static String supported() {
    return Arrays.stream(values()).flatMap(f -> Arrays.stream(f.extensions)).map(e -> "." + e)
        .collect(Collectors.joining(", "));
  }
}
