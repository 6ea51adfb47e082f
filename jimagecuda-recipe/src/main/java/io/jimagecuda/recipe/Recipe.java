package io.jimagecuda.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed recipe: the images that exist before the first step, the steps, the id of the image to save
 * and an optional pass rule. Made by {@link RecipeParser}, which has already checked every key, type and
 * image reference against the {@link Vocabulary}; run by {@link RecipeRunner}.
 *
 * @param name the case name
 * @param images the initial images by id, in file order
 * @param steps the steps in order
 * @param output the id of the result image
 * @param tolerance the recipe's own pass rule, if it has one
 */
public record Recipe(String name, Map<String, ImageSource> images, List<Step> steps, String output,
    Optional<Tolerance> tolerance) {
  /**
   * Copies the collections (keeping the images' order).
   *
   * @param name the case name
   * @param images the initial images by id, in file order
   * @param steps the steps in order
   * @param output the id of the result image
   * @param tolerance the recipe's own pass rule, if it has one
   */
  public Recipe {
    images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    steps = List.copyOf(steps);
  }

  /**
   * The placeholder a recipe loads instead of a file name, {@code {"load": "$input"}}: the image the
   * recipe is applied to, given when it runs ({@code render --input FILE}, {@code batch},
   * {@link RecipeRunner#run(Recipe, io.jimagecuda.Image)}, {@link RecipeJob}).
   */
  public static final String INPUT = "$input";

  /** {@return whether an image of this recipe is {@code {"load": "$input"}}, so that it needs an input} */
  public boolean usesInput() {
    return images.values().stream().anyMatch(s -> s instanceof LoadImage l && l.isInput());
  }

  /** {@return the recipe's tolerance, or {@link Tolerance#DEFAULT}} */
  public Tolerance toleranceOrDefault() {
    return tolerance.orElse(Tolerance.DEFAULT);
  }

  /** Where an initial image comes from. */
  public sealed interface ImageSource permits NewImage, LoadImage {
  }

  /**
   * {@code {"width": W, "height": H}}: a new image, transparent black.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   */
  public record NewImage(int width, int height) implements ImageSource {
  }

  /**
   * {@code {"load": "photo.jpg"}}: a file of the inputs directory, decoded to straight RGBA; or
   * {@code {"load": "$input"}} ({@link #INPUT}): the input image given when the recipe runs.
   *
   * @param file the file name, relative to the inputs directory, or {@link #INPUT}
   */
  public record LoadImage(String file) implements ImageSource {
    /** {@return whether this is the {@code $input} placeholder rather than a file} */
    public boolean isInput() {
      return INPUT.equals(file);
    }
  }

  /**
   * One step.
   *
   * @param number the position in the recipe, counted from 1
   * @param op the op's signature
   * @param args every parameter's value by name: {@code String} (image ids and choices), {@code Integer},
   *     {@code Double}, {@code Boolean}, {@link io.jimagecuda.Rgba}, {@code float[3]} (RGB) or {@code null}
   * @param out the id of the new image for ops that return one, else {@code null}
   */
  public record Step(int number, OpSpec op, Map<String, @Nullable Object> args, @Nullable String out) {
    /**
     * Copies {@code args} (which may hold nulls).
     *
     * @param number the position in the recipe, counted from 1
     * @param op the op's signature
     * @param args every parameter's value by name
     * @param out the id of the new image for ops that return one, else {@code null}
     */
    public Step {
      args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** {@return "step 3 (fill.color)", the prefix of messages about this step} */
    public String where() {
      return "step " + number + " (" + op.name() + ")";
    }
  }
}
