package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.recipe.ImageFiles;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeRunner;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda render RECIPE -o IMAGE [--input FILE]}: runs a recipe (with {@code FILE} as its
 * {@code $input} image) and saves its output image in the format its extension names.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Run a recipe (JSON) and save its output image: .png (8-bit RGBA), .jpg/.jpeg, .bmp, "
        + ".tif/.tiff or .webp, chosen by the extension, with the encoders' default settings.")
final class RenderCommand implements Callable<Integer> {
  /** The extensions {@code Images.save} writes. */
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe file.")
  Path recipe;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "IMAGE",
      description = "The image to write; its extension names the format.")
  Path output;

  @Option(names = "--max-pixels", paramLabel = "N",
      description = "Refuse input images whose header declares more than N pixels (width x height), before "
          + "decoding them (default: the setting jimagecuda.load.maxPixels, else 178956970).")
  Long maxPixels;

  @Option(names = "--accept-truncated",
      description = "Load damaged input images (truncated JPEG/PNG/WebP, bad PNG CRCs) as far as they decode "
          + "instead of failing.")
  boolean acceptTruncated;

  @Option(names = "--inputs", paramLabel = "DIR",
      description = "Where {\"load\": file} images are read from (default: the recipe's directory).")
  Path inputs;

  @Option(names = "--input", paramLabel = "FILE",
      description = "The image the recipe's {\"load\": \"$input\"} stands for (decoded like any load).")
  Path input;

  @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
      description = "The backend to run on (default: CUDA when available, else CPU).")
  BackendKind backend;

  @Override
  public Integer call() throws IOException {
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
      throw new ParameterException(spec.commandLine(), "--output must name a " + String.join(", ", EXTENSIONS)
          + " file, got '" + output + "'");
    }
    if (maxPixels != null && maxPixels < 1) {
      throw new ParameterException(spec.commandLine(), "--max-pixels must be a positive integer, got " + maxPixels);
    }
    // The loads happen deep in the recipe runner, which reads the library's settings: set them for this run.
    String oldMax = System.getProperty(MAX_PIXELS);
    String oldAccept = System.getProperty(ACCEPT_TRUNCATED);
    try {
      if (maxPixels != null) {
        System.setProperty(MAX_PIXELS, Long.toString(maxPixels));
      }
      if (acceptTruncated) {
        System.setProperty(ACCEPT_TRUNCATED, "true");
      }
      return render();
    } finally {
      restore(MAX_PIXELS, oldMax);
      restore(ACCEPT_TRUNCATED, oldAccept);
    }
  }

  private static final String MAX_PIXELS = "jimagecuda.load.maxPixels";
  private static final String ACCEPT_TRUNCATED = "jimagecuda.load.acceptTruncated";

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private int render() throws IOException {
    Recipe r = RecipeParser.parse(recipe);
    BackendKind kind = backend != null ? backend : JImageCuda.defaultBackend();
    Path dir = inputs != null ? inputs : recipe.toAbsolutePath().getParent();
    if (input != null && !r.usesInput()) {
      throw new ParameterException(spec.commandLine(), "--input was given but the recipe " + recipe
          + " has no image {\"load\": \"" + Recipe.INPUT + "\"}");
    }
    if (input == null && r.usesInput()) {
      throw new ParameterException(spec.commandLine(), "the recipe " + recipe + " loads \"" + Recipe.INPUT
          + "\": give the image with --input FILE");
    }
    long start = System.nanoTime();
    Path parent = output.toAbsolutePath().getParent();
    checkOutputDirectory(output, parent); // before the recipe runs: a typo in -o costs no render time
    try (Image in = input == null ? null : ImageFiles.standard().load(input, kind);
        Image out = new RecipeRunner(kind, dir).run(r, in)) {
      try {
        if (parent != null) {
          Files.createDirectories(parent);
        }
        ImageFiles.standard().save(out, output);
      } catch (IOException e) {
        throw writeFailure(output, e);
      }
      spec.commandLine().getOut().printf("%s: %dx%d on %s in %d ms -> %s%n", r.name(), out.width(), out.height(),
          kind.id(), (System.nanoTime() - start) / 1_000_000, output);
    }
    return 0;
  }

  /**
   * Refuses an output whose directory is (or lies under) a file, or is an existing directory that is not
   * writable, naming the output and the reason.
   */
  static void checkOutputDirectory(Path output, Path parent) throws IOException {
    for (Path p = parent; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new IOException("cannot write " + output + ": " + p + " is a file, not a directory");
        }
        if (p.equals(parent) && !Files.isWritable(p)) {
          throw new IOException("cannot write " + output + ": permission denied (the directory " + p
              + " is not writable)");
        }
        return;
      }
    }
  }

  /**
   * The exception to report when writing {@code output} failed: names the output (not only the temporary
   * file the save may have used) and the operating system's reason ("permission denied", "no space left on
   * device", ...).
   */
  static IOException writeFailure(Path output, IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file or directory";
    } else if (e instanceof FileAlreadyExistsException) {
      reason = "a file is in the way of a directory";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      reason = f.getReason();
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.toString();
    }
    String file = e instanceof FileSystemException f && f.getFile() != null
        && !Path.of(f.getFile()).equals(output) ? " (" + f.getFile() + ")" : "";
    String text = "cannot write " + output + ": " + reason + file;
    return e.getMessage() != null && e.getMessage().startsWith("cannot write ") ? e : new IOException(text, e);
  }
}
