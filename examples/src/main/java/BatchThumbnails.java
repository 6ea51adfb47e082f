import io.jimagecuda.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A batch over a directory: java -cp 'lib/*' BatchThumbnails.java photos/ thumbs/ [width]
 * Every image of the input directory becomes a PNG thumbnail (default 256 pixels wide) in the output one.
 */
public class BatchThumbnails {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BatchThumbnails INPUT_DIR OUTPUT_DIR [WIDTH]");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    int width = args.length > 2 ? Integer.parseInt(args[2]) : 256;

    List<Path> files;
    try (Stream<Path> list = Files.list(in)) {
      files = list.filter(BatchThumbnails::isImage).sorted().collect(Collectors.toList());
    }
    long start = System.nanoTime();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Path target = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".png");
      try (Image img = Images.load(file); Image thumb = Resize.bilinearToWidth(img, width)) {
        Images.save(thumb, target);
      }
      System.out.println(file + " -> " + target);
    }
    System.out.printf(Locale.ROOT, "%d images in %.0f ms%n", files.size(), (System.nanoTime() - start) / 1e6);
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
        || n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(".webp");
  }
}
