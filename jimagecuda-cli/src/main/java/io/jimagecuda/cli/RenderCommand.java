package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.recipe.ImageFiles;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda render RECIPE -o PNG [--input FILE]}: runs a recipe (with {@code FILE} as its
 * {@code $input} image) and saves its output image.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Run a recipe (JSON) and save its output image as an 8-bit RGBA PNG.")
final class RenderCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe file.")
  Path recipe;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "PNG", description = "The image to write.")
  Path output;

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
    if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new ParameterException(spec.commandLine(), "--output must name a .png file, got '" + output + "'");
    }
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
    try (Image in = input == null ? null : ImageFiles.standard().load(input, kind);
        Image out = new RecipeRunner(kind, dir).run(r, in)) {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ImageFiles.standard().save(out, output);
      spec.commandLine().getOut().printf("%s: %dx%d on %s in %d ms -> %s%n", r.name(), out.width(), out.height(),
          kind.id(), (System.nanoTime() - start) / 1_000_000, output);
    }
    return 0;
  }
}
