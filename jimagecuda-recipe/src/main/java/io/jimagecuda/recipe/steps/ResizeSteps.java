package io.jimagecuda.recipe.steps;

import io.jimagecuda.Image;
import io.jimagecuda.Resize;
import io.jimagecuda.recipe.OpRegistry;
import io.jimagecuda.recipe.StepArgs;
import java.util.function.BiFunction;

/**
 * Recipe bindings of the {@code resize.*} ops. A null {@code width} ({@code height}) is derived from the
 * aspect ratio, {@code int(src_other * (given / src_given))}, through the {@code ...ToHeight}
 * ({@code ...ToWidth}) forms; both null is an error, as in the reference.
 */
public final class ResizeSteps {
  private ResizeSteps() {
  }

  /** The three forms of one interpolation. */
  private record Forms(String op, Sized both, BiFunction<Image, Integer, Image> toWidth,
      BiFunction<Image, Integer, Image> toHeight) {
  }

  @FunctionalInterface
  private interface Sized {
    Image run(Image src, int width, int height);
  }

  /**
   * Registers the four resize ops.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.producer("resize.nearest", a -> run(a, new Forms("Resize.nearest", Resize::nearest, Resize::nearestToWidth,
        Resize::nearestToHeight)));
    r.producer("resize.bilinear", a -> run(a, new Forms("Resize.bilinear", Resize::bilinear,
        Resize::bilinearToWidth, Resize::bilinearToHeight)));
    r.producer("resize.bicubic", a -> run(a, new Forms("Resize.bicubic", Resize::bicubic, Resize::bicubicToWidth,
        Resize::bicubicToHeight)));
    r.producer("resize.lanczos", a -> run(a, new Forms("Resize.lanczos", Resize::lanczos, Resize::lanczosToWidth,
        Resize::lanczosToHeight)));
  }

  private static Image run(StepArgs a, Forms f) {
    Image src = a.image("src");
    Integer width = a.i32OrNull("width");
    Integer height = a.i32OrNull("height");
    if (width == null && height == null) {
      throw new IllegalArgumentException(f.op() + ": At least one of width or height must be given");
    }
    if (height == null) {
      return f.toWidth().apply(src, width);
    }
    if (width == null) {
      return f.toHeight().apply(src, height);
    }
    return f.both().run(src, width, height);
  }
}
