package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A conformance kit directory ({@code cases/<name>.json}, {@code expected/<name>.png}, {@code inputs/}):
 * renders its cases and compares them with the expected images, or renders them on the CPU and the CUDA
 * backend and compares those two. A case passes under its recipe's {@code tolerance}, else
 * {@link Tolerance#DEFAULT}; a case that uses an op without a binding is skipped with the reason.
 */
public final class ConformanceKit {
  private final Path dir;
  private final OpRegistry registry;
  private final ImageFiles files;

  /**
   * A kit with the given ops and codec.
   *
   * @param dir the kit's directory ({@code cases/}, {@code expected/}, {@code inputs/})
   * @param registry the op bindings
   * @param files the codec for inputs, expected and saved images
   * @throws IllegalArgumentException if {@code dir} has no {@code cases} directory
   */
  public ConformanceKit(Path dir, OpRegistry registry, ImageFiles files) {
    if (!Files.isDirectory(dir.resolve("cases"))) {
      throw new IllegalArgumentException(dir + " is not a conformance kit: it has no cases/ directory");
    }
    this.dir = dir;
    this.registry = registry;
    this.files = files;
  }

  /**
   * A kit with every op of this build and the standard codec.
   *
   * @param dir the kit's directory ({@code cases/}, {@code expected/}, {@code inputs/})
   * @throws IllegalArgumentException if {@code dir} has no {@code cases} directory
   */
  public ConformanceKit(Path dir) {
    this(dir, OpRegistry.standard(), ImageFiles.standard());
  }

  /** {@return the kit's directory} */
  public Path dir() {
    return dir;
  }

  /**
   * {@return the names of the cases (the files of {@code cases/} without {@code .json}), sorted}
   *
   * @throws IOException if the directory cannot be listed
   */
  public List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("cases"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    }
  }

  /**
   * Renders case {@code name} on {@code backend} and compares it with {@code expected/<name>.png}.
   * Failures of any kind (recipe, files, library) become a {@code FAIL} result with the reason.
   *
   * @param name the case's name
   * @param backend where to render
   * @param saveDir where to write the rendered image as {@code <name>.png}, or {@code null}
   * @return the result: PASS, FAIL (with the reason) or SKIP (an op not implemented yet)
   */
  public CaseResult run(String name, BackendKind backend, @Nullable Path saveDir) {
    try {
      Recipe recipe = recipe(name);
      Optional<String> missing = registry.unimplemented(recipe);
      if (missing.isPresent()) {
        return new CaseResult(name, CaseResult.Status.SKIP, missing.get(), null);
      }
      Path expectedFile = dir.resolve("expected").resolve(name + ".png");
      if (!Files.isRegularFile(expectedFile)) {
        return fail(name, "no expected image " + expectedFile);
      }
      RecipeRunner runner = new RecipeRunner(registry, backend, dir.resolve("inputs"), files);
      try (Image actual = runner.run(recipe); Image expected = files.load(expectedFile, BackendKind.CPU)) {
        if (saveDir != null) {
          files.save(actual, saveDir.resolve(name + ".png"));
        }
        return judge(name, recipe, Comparison.of(expected, actual));
      }
    } catch (IOException | RuntimeException e) {
      return fail(name, describe(e));
    }
  }

  /**
   * Renders case {@code name} on the CPU (the reference) and on CUDA, and compares the two.
   *
   * @param name the case's name
   * @param saveDir where to write the images as {@code <name>.cpu.png} and {@code <name>.cuda.png}, or
   *     {@code null}
   * @return the result: PASS, FAIL (with the reason) or SKIP (an op not implemented yet)
   */
  public CaseResult compareBackends(String name, @Nullable Path saveDir) {
    try {
      Recipe recipe = recipe(name);
      Optional<String> missing = registry.unimplemented(recipe);
      if (missing.isPresent()) {
        return new CaseResult(name, CaseResult.Status.SKIP, missing.get(), null);
      }
      Path inputs = dir.resolve("inputs");
      try (Image cpu = new RecipeRunner(registry, BackendKind.CPU, inputs, files).run(recipe);
          Image cuda = new RecipeRunner(registry, BackendKind.CUDA, inputs, files).run(recipe)) {
        if (saveDir != null) {
          files.save(cpu, saveDir.resolve(name + ".cpu.png"));
          files.save(cuda, saveDir.resolve(name + ".cuda.png"));
        }
        return judge(name, recipe, Comparison.of(cpu, cuda));
      }
    } catch (IOException | RuntimeException e) {
      return fail(name, describe(e));
    }
  }

  private Recipe recipe(String name) throws IOException {
    Recipe recipe = RecipeParser.parse(dir.resolve("cases").resolve(name + ".json"));
    if (!recipe.name().equals(name)) {
      throw new RecipeException("the recipe's name '" + recipe.name() + "' differs from its file name");
    }
    return recipe;
  }

  private static CaseResult judge(String name, Recipe recipe, Comparison c) {
    return c.failure(recipe.toleranceOrDefault())
        .map(why -> new CaseResult(name, CaseResult.Status.FAIL, why, c))
        .orElseGet(() -> new CaseResult(name, CaseResult.Status.PASS, "", c));
  }

  private static CaseResult fail(String name, String why) {
    return new CaseResult(name, CaseResult.Status.FAIL, why, null);
  }

  private static String describe(Exception e) {
    return e instanceof RecipeException ? e.getMessage() : "error: " + e;
  }
}
