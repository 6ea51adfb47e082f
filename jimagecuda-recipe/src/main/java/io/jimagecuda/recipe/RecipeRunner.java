package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Recipe} on one backend: creates its images ({@code {"width", "height"}}: a new,
 * transparent black image; {@code {"load": file}}: the file from the inputs directory, without EXIF
 * rotation, like the reference's default; {@code {"load": "$input"}}: a copy of the input image given to
 * {@link #run(Recipe, Image)}), runs the steps in order and returns the output image.
 *
 * <p>Every op must be implemented ({@link OpRegistry#unimplemented}); this is checked before any image
 * is created. Images other than the output are freed before {@link #run} returns, also when it throws.
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
    Map<String, Image> images = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Recipe.ImageSource> e : recipe.images().entrySet()) {
        images.put(e.getKey(), create(e.getKey(), e.getValue(), input));
      }
      for (Recipe.Step step : recipe.steps()) {
        Image result;
        try {
          result = registry.run(step, new StepArgs(step, images));
        } catch (IllegalArgumentException e) {
          throw new RecipeException(step.where() + ": " + e.getMessage(), e);
        }
        if (step.out() != null) {
          if (result == null) {
            throw new IllegalStateException(step.where() + ": the binding returned no image");
          }
          images.put(step.out(), result);
        }
      }
      return images.remove(recipe.output());
    } finally {
      images.values().forEach(Image::free);
    }
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
    Path file = inputs.resolve(((Recipe.LoadImage) source).file());
    if (!Files.isRegularFile(file)) {
      throw new RecipeException("image '" + id + "': input file " + file + " does not exist");
    }
    return files.load(file, backend);
  }
}
