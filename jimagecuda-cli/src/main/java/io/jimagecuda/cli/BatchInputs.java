package io.jimagecuda.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a {@code batch} run reads and the files it writes. Inputs are files, directories (their image
 * files, recursively, sub-directories mirrored under the output directory) and glob patterns the shell did
 * not expand ({@code 'photos/**}{@code /*.jpg'}, matched from the pattern's first directory without a
 * wildcard). Each output is named after its input: the same stem with the output format's extension.
 * Two inputs that would write the same output (the same stem in different directories, or
 * {@code a.png} and {@code a.jpg}) never overwrite each other: the later one in input order gets
 * {@code stem-2}, {@code stem-3}, ... and a note says so. A file named twice is processed once.
 */
final class BatchInputs {
  /** Extensions of files a directory contributes (any case). */
  static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp", "gif");

  /** One file to process. */
  record Item(Path input, Path output) {
  }

  private final List<Item> items;
  private final List<String> notes;

  private BatchInputs(List<Item> items, List<String> notes) {
    this.items = items;
    this.notes = notes;
  }

  /** {@return the files, in input order} */
  List<Item> items() {
    return items;
  }

  /** {@return messages about renamed outputs, for the user} */
  List<String> notes() {
    return notes;
  }

  /**
   * Expands {@code specs} and names the outputs.
   *
   * @param specs files, directories and glob patterns
   * @param outDir the output directory (skipped when it lies inside an input directory)
   * @param extension the output extension without the dot
   * @throws IllegalArgumentException if a spec matches nothing (the message names it) or no file is found
   * @throws IOException if a directory cannot be read
   */
  static BatchInputs expand(List<String> specs, Path outDir, String extension) throws IOException {
    Path out = outDir.toAbsolutePath().normalize();
    // input file (absolute, normalised) -> its path relative to the output directory, before renaming
    Map<Path, Path> relative = new LinkedHashMap<>();
    for (String spec : specs) {
      boolean matched = false;
      if (isGlob(spec)) {
        matched = expandGlob(spec, out, relative);
      } else {
        Path p = Path.of(spec);
        if (Files.isDirectory(p)) {
          matched = expandDirectory(p, p, out, relative);
        } else if (Files.isRegularFile(p)) {
          relative.putIfAbsent(p.toAbsolutePath().normalize(), p.getFileName());
          matched = true;
        } else if (Files.exists(p)) {
          throw new IllegalArgumentException("input " + spec + " is neither a file nor a directory");
        } else {
          throw new IllegalArgumentException("input " + spec + " does not exist");
        }
      }
      if (!matched) {
        throw new IllegalArgumentException("input " + spec + " contains no image files (" + extensions() + ")");
      }
    }
    if (relative.isEmpty()) {
      throw new IllegalArgumentException("no input files");
    }
    return name(relative, out, extension);
  }

  private static String extensions() {
    return String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList());
  }

  static boolean isGlob(String spec) {
    return spec.indexOf('*') >= 0 || spec.indexOf('?') >= 0 || spec.indexOf('[') >= 0 || spec.indexOf('{') >= 0;
  }

  static boolean isImageFile(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean expandDirectory(Path dir, Path root, Path out, Map<Path, Path> relative)
      throws IOException {
    boolean found = false;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
        Path abs = f.toAbsolutePath().normalize();
        if (abs.startsWith(out) || !Files.isRegularFile(f) || !isImageFile(f) || isHidden(f)) {
          continue;
        }
        relative.putIfAbsent(abs, root.relativize(f));
        found = true;
      }
    }
    return found;
  }

  private static boolean isHidden(Path f) {
    return f.getFileName().toString().startsWith(".");
  }

  /** A pattern: walked from its longest leading part without wildcards; outputs are flat. */
  private static boolean expandGlob(String spec, Path out, Map<Path, Path> relative) throws IOException {
    String sep = spec.contains("/") ? "/" : java.io.File.separator;
    String[] parts = spec.split(java.util.regex.Pattern.quote(sep), -1);
    StringBuilder base = new StringBuilder();
    int i = 0;
    for (; i < parts.length - 1 && !isGlob(parts[i]); i++) {
      base.append(parts[i]).append(sep);
    }
    Path root = base.length() == 0 ? Path.of(".") : Path.of(base.toString());
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("input " + spec + ": directory " + root + " does not exist");
    }
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    boolean found = false;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
        Path abs = f.toAbsolutePath().normalize();
        if (abs.startsWith(out) || !Files.isRegularFile(f) || !matcher.matches(root.relativize(f))) {
          continue;
        }
        relative.putIfAbsent(abs, f.getFileName());
        found = true;
      }
    }
    return found;
  }

  /** Output names: the relative path with the new extension; later duplicates get -2, -3, ... */
  private static BatchInputs name(Map<Path, Path> relative, Path out, String extension) {
    List<Item> items = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> taken = new LinkedHashSet<>();
    Map<String, Path> firstOwner = new HashMap<>();
    for (Map.Entry<Path, Path> e : relative.entrySet()) {
      Path rel = e.getValue();
      String stem = stem(rel.getFileName().toString());
      Path parent = rel.getParent();
      String wanted = withParent(parent, stem + "." + extension);
      String name = wanted;
      for (int n = 2; !taken.add(key(name)); n++) {
        name = withParent(parent, stem + "-" + n + "." + extension);
      }
      if (!name.equals(wanted)) {
        notes.add(e.getKey() + " and " + firstOwner.get(key(wanted)) + " would both write " + wanted
            + "; writing " + name);
      } else {
        firstOwner.put(key(name), e.getKey());
      }
      items.add(new Item(e.getKey(), out.resolve(name)));
    }
    return new BatchInputs(List.copyOf(items), List.copyOf(notes));
  }

  /** Names compare without case: on case-insensitive file systems {@code A.png} is {@code a.png}. */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String withParent(Path parent, String file) {
    return parent == null ? file : parent.resolve(file).toString();
  }

  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
