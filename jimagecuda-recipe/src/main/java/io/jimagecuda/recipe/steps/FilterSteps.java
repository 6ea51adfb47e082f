package io.jimagecuda.recipe.steps;

import io.jimagecuda.Filter;
import io.jimagecuda.recipe.OpRegistry;

/**
 * Recipe bindings of the {@code filter.*} ops: one line per op, parameters in the vocabulary's order.
 * {@code filter.gaussianBlur}'s {@code sigma: null} is Python's {@code None}: {@code radius / 3}.
 */
public final class FilterSteps {
  private FilterSteps() {
  }

  /**
   * Registers the eight filter ops.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.producer("filter.gaussianBlur", a -> Filter.gaussianBlur(a.image("src"), blur(a.i32("radius"),
        a.f32OrNull("sigma"))));
    r.producer("filter.sharpen", a -> Filter.sharpen(a.image("src"), a.f32("strength")));
    r.producer("filter.sobel", a -> Filter.sobel(a.image("src")));
    r.producer("filter.emboss", a -> Filter.emboss(a.image("src"), a.f32("strength")));
    r.inPlace("filter.sepia", a -> Filter.sepia(a.image("image"), a.f32("intensity")));
    r.inPlace("filter.invert", a -> Filter.invert(a.image("image")));
    r.inPlace("filter.threshold", a -> Filter.threshold(a.image("image"), a.f32("value")));
    r.inPlace("filter.solarize", a -> Filter.solarize(a.image("image"), a.f32("threshold")));
  }

  private static Filter.GaussianBlur blur(int radius, Float sigma) {
    Filter.GaussianBlur options = Filter.GaussianBlur.DEFAULTS.withRadius(radius);
    return sigma == null ? options.withAutoSigma() : options.withSigma(sigma);
  }
}
