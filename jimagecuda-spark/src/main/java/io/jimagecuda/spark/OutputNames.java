package io.jimagecuda.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files a {@link SparkBatch} run reads and the names it writes, by the rules of the single-machine
 * {@code jimagecuda batch} command, on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:}
 * ...): a file is read whatever its name; a directory contributes its image files, recursively, with its
 * sub-directories mirrored under the output directory; a glob pattern its matches, named flat. Each output
 * has its input's stem and the output format's extension; of two inputs that would write the same name,
 * the later one (in input order, directories sorted) gets {@code stem-2}, {@code stem-3}, ... with a note.
 * Hidden files ({@code .name}, {@code _name}) and files under the output directory are left out of
 * directories.
 */
final class OutputNames {
  /** Extensions of files a directory contributes (any case), as for {@code jimagecuda batch}. */
  static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp", "gif");

  private final Map<String, String> outputs;
  private final List<String> notes;

  private OutputNames(Map<String, String> outputs, List<String> notes) {
    this.outputs = outputs;
    this.notes = notes;
  }

  /** {@return each input file (qualified path, as Spark's binaryFile path column) to its output name} */
  Map<String, String> outputs() {
    return outputs;
  }

  /** {@return messages about renamed outputs} */
  List<String> notes() {
    return notes;
  }

  /**
   * Expands the inputs and names the outputs.
   *
   * @param specs files, directories and glob patterns (Hadoop paths)
   * @param outDir the output directory
   * @param extension the output extension, without the dot
   * @param conf the Hadoop configuration
   * @throws IllegalArgumentException if a spec matches nothing, or nothing is found
   * @throws IOException if listing fails
   */
  static OutputNames expand(List<String> specs, Path outDir, String extension, Configuration conf)
      throws IOException {
    String out = outDir.getFileSystem(conf).makeQualified(outDir).toString();
    Map<String, String> relative = new LinkedHashMap<>();
    for (String spec : specs) {
      Path path = new Path(spec);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException("input " + spec + " does not exist (or, as a pattern, matches nothing)");
      }
      boolean glob = hasWildcard(spec);
      boolean found = false;
      for (FileStatus match : matches) {
        String qualified = fs.makeQualified(match.getPath()).toString();
        if (match.isDirectory()) {
          found |= expandDirectory(fs, match.getPath(), qualified, out, relative);
        } else if (!glob || !under(qualified, out)) {
          relative.putIfAbsent(qualified, match.getPath().getName());
          found = true;
        }
      }
      if (!found) {
        throw new IllegalArgumentException("input " + spec + " contains no image file ("
            + String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList()) + ")");
      }
    }
    return name(relative, extension);
  }

  private static boolean hasWildcard(String spec) {
    return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static boolean under(String file, String dir) {
    return file.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }

  private static boolean expandDirectory(FileSystem fs, Path dir, String root, String out,
      Map<String, String> relative) throws IOException {
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String qualified = fs.makeQualified(f.getPath()).toString();
      String rel = qualified.substring(root.length() + (root.endsWith("/") ? 0 : 1));
      if (f.isFile() && isImageFile(f.getPath().getName()) && !isHidden(rel) && !under(qualified, out)) {
        files.add(qualified);
      }
    }
    files.sort(null);
    for (String qualified : files) {
      relative.putIfAbsent(qualified, qualified.substring(root.length() + (root.endsWith("/") ? 0 : 1)));
    }
    return !files.isEmpty();
  }

  static boolean isImageFile(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean isHidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static OutputNames name(Map<String, String> relative, String extension) {
    Map<String, String> outputs = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Set<String> taken = new LinkedHashSet<>();
    Map<String, String> firstOwner = new HashMap<>();
    for (Map.Entry<String, String> e : relative.entrySet()) {
      String rel = e.getValue();
      int slash = rel.lastIndexOf('/');
      String parent = slash < 0 ? "" : rel.substring(0, slash + 1);
      String stem = stem(rel.substring(slash + 1));
      String wanted = parent + stem + "." + extension;
      String name = wanted;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = parent + stem + "-" + n + "." + extension;
      }
      if (name.equals(wanted)) {
        firstOwner.put(name.toLowerCase(Locale.ROOT), e.getKey());
      } else {
        notes.add(e.getKey() + " and " + firstOwner.get(wanted.toLowerCase(Locale.ROOT)) + " would both write "
            + wanted + "; writing " + name);
      }
      outputs.put(e.getKey(), name);
    }
    return new OutputNames(outputs, notes);
  }

  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
