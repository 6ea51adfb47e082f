package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda gallery [DIR]}: renders every recipe of an ops gallery ({@link Gallery}) and writes its
 * Markdown page; {@code --check} only reports what is out of date.
 *
 * <p>Pictures are rendered into a temporary directory and compared with the files by their decoded pixels:
 * a picture whose pixels did not change is not rewritten (so a different PNG encoder leaves the tree
 * alone), pictures no entry makes are removed, and the page is rewritten when its text changed.
 */
@Command(name = "gallery", mixinStandardHelpOptions = true,
    description = {"Render every recipe DIR/recipes/<family>/<name>.json of an ops gallery to "
        + "DIR/images/<name>.png and write the page DIR.md (docs/ops -> docs/ops.md): per family a heading, per "
        + "entry of DIR/gallery.json the picture (before -> after with \"before\": true), the op, its caption and "
        + "a link to the recipe.",
        "With --check nothing is written: exits with 1 and lists the stale files when the pictures or the page "
        + "differ from what the recipes give."})
final class GalleryCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "docs/ops",
      description = "The gallery directory (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
      defaultValue = "cpu", description = "The backend to render on (default: ${DEFAULT-VALUE}, deterministic).")
  BackendKind backend;

  @Option(names = "--check", description = "Write nothing; exit with 1 if a picture or the page is out of date.")
  boolean check;

  @Override
  public Integer call() throws IOException {
    Gallery gallery = Gallery.read(dir);
    PrintWriter out = spec.commandLine().getOut();
    Path images = gallery.dir().resolve(Gallery.IMAGES);
    Path tmp = Files.createTempDirectory("jimagecuda-gallery");
    try {
      List<String> made = gallery.render(backend, tmp);
      String page = gallery.markdown(backend);
      List<String> stale = new ArrayList<>();
      for (String name : made) {
        String why = difference(tmp.resolve(name), images.resolve(name));
        if (why != null) {
          stale.add(Gallery.IMAGES + "/" + name + ": " + why);
          if (!check) {
            Files.createDirectories(images);
            Files.copy(tmp.resolve(name), images.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      for (Path extra : extraPictures(images, made)) {
        stale.add(Gallery.IMAGES + "/" + extra.getFileName() + ": no entry makes it");
        if (!check) {
          Files.delete(extra);
        }
      }
      Path pageFile = gallery.page();
      if (!Files.isRegularFile(pageFile) || !Files.readString(pageFile).equals(page)) {
        stale.add(pageFile.getFileName() + ": " + (Files.exists(pageFile) ? "text differs" : "missing"));
        if (!check) {
          Files.writeString(pageFile, page);
        }
      }
      String summary = gallery.entries().size() + " entries, " + made.size() + " pictures";
      if (check) {
        stale.forEach(s -> out.println("stale: " + s));
        out.println(stale.isEmpty() ? pageFile + " and its pictures are up to date (" + summary + ")"
            : stale.size() + " files out of date: run ./jimagecuda gallery " + dir);
        return stale.isEmpty() ? 0 : 1;
      }
      stale.forEach(s -> out.println("updated " + s));
      out.println(pageFile + ": " + summary + " rendered on " + backend.id() + ", " + stale.size() + " files updated");
      return 0;
    } finally {
      deleteTree(tmp);
    }
  }

  /** Why {@code existing} does not hold the pixels of {@code fresh}, or null if it does. */
  static String difference(Path fresh, Path existing) throws IOException {
    if (!Files.isRegularFile(existing)) {
      return "missing";
    }
    BufferedImage a = ImageIO.read(fresh.toFile());
    BufferedImage b;
    try {
      b = ImageIO.read(existing.toFile());
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
    if (b == null) {
      return "not an image";
    }
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return "size " + b.getWidth() + "x" + b.getHeight() + ", the recipe gives " + a.getWidth() + "x" + a.getHeight();
    }
    int w = a.getWidth();
    int h = a.getHeight();
    int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
    int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
    if (Arrays.equals(pa, pb)) {
      return null;
    }
    long differing = 0;
    for (int i = 0; i < pa.length; i++) {
      if (pa[i] != pb[i]) {
        differing++;
      }
    }
    return differing + " of " + pa.length + " pixels differ";
  }

  /** The PNG files of {@code images} that are not in {@code made}. */
  private static List<Path> extraPictures(Path images, List<String> made) throws IOException {
    if (!Files.isDirectory(images)) {
      return List.of();
    }
    Set<String> keep = new HashSet<>(made);
    try (Stream<Path> files = Files.list(images)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png"))
          .filter(p -> !keep.contains(p.getFileName().toString())).sorted().toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
