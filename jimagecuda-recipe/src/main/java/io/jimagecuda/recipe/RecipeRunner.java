package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.Set;

/**
 * Runs a {@link Recipe} on one backend: creates its images ({@code {"width", "height"}}: a new,
 * transparent black image; {@code {"load": file}}: the file from the inputs directory, without EXIF
 * rotation, like the reference's default; {@code {"load": "$input"}}: a copy of the input image given to
 * {@link #run(Recipe, Image)}), runs the steps in order and returns the output image.
 *
 * <p>Every op must be implemented ({@link OpRegistry#unimplemented}) and every input file must be a
 * regular file inside the inputs directory (symbolic links are followed only while they stay inside it);
 * both are checked before any image is created.
 *
 * <p><b>Memory.</b> An image is allocated just before the first step that uses it and freed right after
 * the last step that names it, so a recipe holds only the images that are still needed (a chain of 2000
 * loaded layers holds two or three at a time, not 2000). Images other than the output are freed before
 * {@link #run} returns, also when it throws.
 *
 * <pre>{@code
 * RecipeRunner runner = new RecipeRunner(BackendKind.CPU, Path.of("inputs"));
 * try (Image out = runner.run(RecipeParser.parse(Path.of("recipe.json")))) {
 *   ImageFiles.standard().save(out, Path.of("out.png"));
 * }
 * }</pre>
 */
public final class RecipeRunner {
  private final OpRegistry registry;
  private final BackendKind backend;
  private final Path inputs;
  private final ImageFiles files;

  /**
   * A runner with the given ops and codec.
   *
   * @param registry the op bindings
   * @param backend where the images live
   * @param inputs the directory {@code {"load": file}} reads from
   * @param files the codec for loaded images
   */
  public RecipeRunner(OpRegistry registry, BackendKind backend, Path inputs, ImageFiles files) {
    this.registry = registry;
    this.backend = backend;
    this.inputs = inputs;
    this.files = files;
  }

  /**
   * A runner with every op of this build ({@link OpRegistry#standard()}) and the standard codec.
   *
   * @param backend where the images live
   * @param inputs the directory {@code {"load": file}} reads from
   */
  public RecipeRunner(BackendKind backend, Path inputs) {
    this(OpRegistry.standard(), backend, inputs, ImageFiles.standard());
  }

  /** {@return the backend the images are created on} */
  public BackendKind backend() {
    return backend;
  }

  /**
   * Runs {@code recipe} and returns its output image, which the caller owns (and closes).
   *
   * @param recipe the recipe
   * @return the image the recipe names as its output
   * @throws RecipeException if an op is not implemented, an input file does not exist, or the library
   *     rejects a step's arguments; the message names the step, the op and the library's reason
   * @throws IOException if an input file cannot be read or decoded
   */
  public Image run(Recipe recipe) throws IOException {
    return run(recipe, null);
  }

  /**
   * Runs {@code recipe} with {@code input} as its {@code {"load": "$input"}} image and returns its output
   * image, which the caller owns (and closes). Each {@code $input} image of the recipe starts as a copy
   * of {@code input}, which the recipe does not change and the caller still owns.
   *
   * @param recipe the recipe
   * @param input the input image, on this runner's backend (for CUDA: on the calling thread's device);
   *     {@code null} only for a recipe that does not use {@code $input}
   * @return the image the recipe names as its output
   * @throws RecipeException if the recipe uses {@code $input} and {@code input} is null, an op is not
   *     implemented, an input file does not exist, or the library rejects a step's arguments
   * @throws IllegalArgumentException if {@code input} is on another backend than this runner's
   * @throws IOException if an input file cannot be read or decoded
   */
  public Image run(Recipe recipe, @Nullable Image input) throws IOException {
    if (input == null && recipe.usesInput()) {
      throw new RecipeException("the recipe loads \"" + Recipe.INPUT + "\" but no input image was given "
          + "(render --input FILE, or the batch command)");
    }
    if (input != null && input.backend() != backend) {
      throw new IllegalArgumentException("RecipeRunner.run: the input image is on the " + input.backend().id()
          + " backend but the runner creates images on the " + backend.id() + " backend");
    }
    registry.unimplemented(recipe).ifPresent(message -> {
      throw new RecipeException(message);
    });
    for (Map.Entry<String, Recipe.ImageSource> e : recipe.images().entrySet()) {
      if (e.getValue() instanceof Recipe.LoadImage load && !load.isInput()) {
        inputFile(e.getKey(), load); // every input is checked before any image is created
      }
    }
    Map<String, Integer> lastUse = lastUses(recipe);
    Map<String, Image> images = new LinkedHashMap<>();
    try {
      List<Recipe.Step> steps = recipe.steps();
      for (int i = 0; i < steps.size(); i++) {
        Recipe.Step step = steps.get(i);
        for (String id : imageIds(step)) {
          Recipe.ImageSource source = recipe.images().get(id);
          if (!images.containsKey(id) && source != null) {
            images.put(id, create(id, source, input)); // allocated when first used
          }
        }
        Image result;
        try {
          result = registry.run(step, new StepArgs(step, images, backend));
        } catch (IllegalArgumentException e) {
          throw new RecipeException(step.where() + ": " + e.getMessage(), e);
        }
        if (step.out() != null) {
          if (result == null) {
            throw new IllegalStateException(step.where() + ": the binding returned no image");
          }
          images.put(step.out(), result);
        }
        for (String id : imageIds(step)) {
          if (lastUse.get(id) == i) {
            release(images, id); // freed after its last use
          }
        }
      }
      Image output = images.remove(recipe.output());
      if (output == null) { // an initial image that no step uses
        output = create(recipe.output(), recipe.images().get(recipe.output()), input);
      }
      return output;
    } finally {
      for (Image img : images.values()) {
        img.free();
      }
    }
  }

  /**
   * The index of the last step that names each image (as a parameter or as its {@code out}); the output
   * image counts as used after every step, so it is never freed here.
   */
  private static Map<String, Integer> lastUses(Recipe recipe) {
    Map<String, Integer> last = new HashMap<>();
    List<Recipe.Step> steps = recipe.steps();
    for (int i = 0; i < steps.size(); i++) {
      for (String id : imageIds(steps.get(i))) {
        last.put(id, i);
      }
    }
    last.put(recipe.output(), Integer.MAX_VALUE);
    return last;
  }

  /** The ids of the images a step reads or writes: its image parameters and its {@code out}. */
  private static Set<String> imageIds(Recipe.Step step) {
    Set<String> ids = new LinkedHashSet<>();
    for (Param p : step.op().params()) {
      if (p.type() == ParamType.IMAGE && step.args().get(p.name()) instanceof String id) {
        ids.add(id);
      }
    }
    if (step.out() != null) {
      ids.add(step.out());
    }
    return ids;
  }

  /** Frees image {@code id} unless another live id holds the same image (a binding that returned its input). */
  private static void release(Map<String, Image> images, String id) {
    Image img = images.remove(id);
    if (img != null && images.values().stream().noneMatch(other -> other == img)) {
      img.free();
    }
  }

  /**
   * The file of a {@code load} image, which must be a regular file inside the inputs directory. Symbolic
   * links are followed only while they stay inside it: a link to a file elsewhere is refused, so a recipe
   * (which may come from someone else) reads nothing outside the directory it was given.
   */
  private Path inputFile(String id, Recipe.LoadImage load) throws IOException {
    Path file = inputs.resolve(load.file());
    if (!Files.exists(file)) {
      throw new RecipeException("image '" + id + "': input file " + file + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new RecipeException("image '" + id + "': input file " + file + " is a directory, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new RecipeException("image '" + id + "': input file " + file
          + " is not a regular file (a FIFO, socket or device); images are read from regular files");
    }
    Path real = file.toRealPath();
    Path root = inputs.toRealPath();
    if (!real.startsWith(root)) {
      throw new RecipeException("image '" + id + "': input file " + file + " is a symbolic link to " + real
          + ", outside the inputs directory " + root + "; copy the file into the inputs directory (links are "
          + "followed only within it)");
    }
    return file;
  }

  private Image create(String id, Recipe.ImageSource source, @Nullable Image input) throws IOException {
    if (source instanceof Recipe.NewImage n) {
      return new Image(n.width(), n.height(), backend);
    }
    if (((Recipe.LoadImage) source).isInput()) {
      Image copy = new Image(input.width(), input.height(), backend);
      Images.copy(copy, input);
      return copy;
    }
    return files.load(inputFile(id, (Recipe.LoadImage) source), backend);
  }
}
